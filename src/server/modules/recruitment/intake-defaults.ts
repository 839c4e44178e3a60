import type { Criterion, ScenarioQuestion } from '../../../shared/contracts/recruitment.ts';

/**
 * The selection criteria of a PEER Support training as the user movement states them (seed 002:
 * "Urval till utbildning – lämpligheten avgör"). A new intake starts from this list; the ids are
 * stable so that assessments stay attached when the team edits the wording.
 */
export const defaultCriteria: readonly Criterion[] = [
  {
    id: 'own-experience',
    level: 'must',
    label: { sv: 'Har egen erfarenhet av psykisk ohälsa', da: 'Har egen erfaring med psykisk sygdom', en: 'Has their own experience of mental ill-health' },
  },
  {
    id: 'share-experience',
    level: 'must',
    label: {
      sv: 'Kan dela med sig av sina erfarenheter av psykisk ohälsa och återhämtning',
      da: 'Kan dele sine erfaringer med psykisk sygdom og recovery med andre',
      en: 'Can share their experience of ill-health and recovery with others',
    },
  },
  {
    id: 'recovered-enough',
    level: 'must',
    label: {
      sv: 'Är tillräckligt återhämtad för att kunna vara ett stöd för människor i kris',
      da: 'Er kommet sig nok til at kunne støtte mennesker i krise',
      en: 'Has recovered enough to support people who are in a crisis',
    },
  },
  {
    id: 'listen-reflect',
    level: 'must',
    label: {
      sv: 'Kan lyssna och reflektera över andra personers erfarenheter',
      da: 'Kan lytte til og reflektere over andres erfaringer',
      en: "Can listen to and reflect on other people's experiences",
    },
  },
  {
    id: 'care-experience',
    level: 'should',
    label: {
      sv: 'Har erfarenhet av psykiatrisk vård eller annan behandling, till exempel heldygnsvård, behandlingshem, stödboende eller boendestöd',
      da: 'Har erfaring med psykiatrisk behandling eller anden støtte, for eksempel indlæggelse, behandlingshjem, botilbud eller bostøtte',
      en: 'Has experience of psychiatric care or other treatment, e.g. inpatient care, a treatment home, supported housing or housing support',
    },
  },
  {
    id: 'team-member',
    level: 'must',
    label: {
      sv: 'Kommer att ingå i ett arbetslag inom psykiatrin, socialpsykiatrin eller habiliteringen',
      da: 'Skal indgå i et team i psykiatrien, socialpsykiatrien eller habiliteringen',
      en: 'Will join a team in psychiatry, social psychiatry or habilitation',
    },
  },
  {
    id: 'work-half-time',
    level: 'must',
    label: {
      sv: 'Har som mål att arbeta minst 50 % (minst 20 timmar i veckan)',
      da: 'Har som mål at arbejde mindst 50 % (mindst 20 timer om ugen)',
      en: 'Aims to work at least 50 % (at least 20 hours a week)',
    },
  },
  {
    id: 'authorities',
    level: 'plus',
    label: {
      sv: 'Har erfarenhet av att ha "stångats" med myndigheter',
      da: 'Har erfaring med at have "stanget hovedet" mod myndigheder',
      en: 'Has experience of "butting heads with authorities"',
    },
  },
];

/** The interview's scenario questions (seed 001 and 002), a bank the team can extend per intake. */
export const defaultQuestions: readonly ScenarioQuestion[] = [
  {
    id: 'frustration',
    text: {
      sv: 'Hur tror du att du skulle hantera frustration och ilska från patienten eller brukaren, riktad mot dig?',
      da: 'Hvordan tror du, at du ville håndtere frustration og vrede fra patienten eller borgeren, rettet mod dig?',
      en: 'How do you think you would handle frustration or anger from a patient or service user directed at you?',
    },
  },
  {
    id: 'distrust',
    text: {
      sv: 'Hur skulle du hantera misstro eller ifrågasättande från personalen, riktat mot dig?',
      da: 'Hvordan ville du håndtere mistillid eller kritiske spørgsmål fra personalet, rettet mod dig?',
      en: 'How would you handle distrust or being questioned by the staff?',
    },
  },
  {
    id: 'wellbeing',
    text: {
      sv: 'Hur tror du att ditt mående skulle kunna påverkas av att arbeta i psykiatrin, socialpsykiatrin eller habiliteringen?',
      da: 'Hvordan tror du, at dit eget velbefindende kunne blive påvirket af at arbejde i psykiatrien, socialpsykiatrien eller habiliteringen?',
      en: 'How could working in psychiatry, social psychiatry or habilitation affect your own well-being?',
    },
  },
];
