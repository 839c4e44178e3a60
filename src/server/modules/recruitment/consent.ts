/**
 * The version of the consent text the public form shows (web texts `apply.consent.*`): what is kept,
 * who sees it and for how long. Each application stores the version its applicant agreed to, so
 * change this whenever that text changes in substance: a form still showing the old text is then
 * refused (`field.consent_outdated`) and the applicant reads the new one before sending.
 */
export const CONSENT_VERSION = '2026-11';
