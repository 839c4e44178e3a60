import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarise, toCsv, toPaxml, type PayrollBatchExport, type PayrollExportFee, type PayrollExportPeer } from './payroll-export.ts';

const fee = (over: Partial<PayrollExportFee>): PayrollExportFee => ({
  date: '2026-11-05',
  assignmentRef: 'UPP-0042',
  description: '',
  kind: 'fee',
  quantity: 1,
  unitAmountOre: 0,
  amountOre: 0,
  costCentre: '',
  ...over,
});

// Fee 3.6 % of the 2026 prisbasbelopp (59 200 kr), 42 km at 2,50 kr, 1.5 hours at 0.5 %, and a correction.
const batch: PayrollBatchExport = {
  tenantId: 'tenant-1',
  organisationName: 'Region Demo & <Test>',
  organisationNumber: '232100-0057',
  periodFrom: '2026-11-01',
  periodTo: '2026-11-30',
  createdAt: new Date('2026-11-23T09:00:00.000Z'),
  currency: 'SEK',
  lines: [
    {
      peerId: 'peer-1',
      employeeNumber: '1017',
      personnummer: '198112189876',
      name: 'Åsa & <Bo>',
      fees: [
        fee({ description: 'Berättar sin historia; "Vägen tillbaka"', unitAmountOre: 213_120, amountOre: 213_120, costCentre: '4711' }),
        fee({ description: 'Milersättning', kind: 'travel', quantity: 42, unitAmountOre: 250, amountOre: 10_500, costCentre: '4711' }),
      ],
    },
    {
      peerId: 'peer-2',
      employeeNumber: '',
      personnummer: '197010632391',
      name: '=HYPERLINK("http://evil.example")',
      fees: [
        fee({ date: '2026-11-12', assignmentRef: 'UPP-0051', description: 'Workshop\nför chefer', quantity: 1.5, unitAmountOre: 29_600, amountOre: 44_400 }),
        fee({ date: '2026-11-20', description: '-korrigering', unitAmountOre: -5_000, amountOre: -5_000, costCentre: '@SUM' }),
      ],
    },
  ],
};

describe('the CSV export', () => {
  it('writes a BOM, a header and one semicolon row per fee line, with decimal commas, quoting and CRLF', () => {
    expect(toCsv(batch)).toBe(
      '\uFEFFAnställningsnummer;Personnummer;Namn;Datum;Uppdrag;Beskrivning;Löneart;Antal;À-pris;Belopp;Kostnadsställe\r\n' +
        '1017;19811218-9876;Åsa & <Bo>;2026-11-05;UPP-0042;"Berättar sin historia; ""Vägen tillbaka""";310;1,00;2131,20;2131,20;4711\r\n' +
        '1017;19811218-9876;Åsa & <Bo>;2026-11-05;UPP-0042;Milersättning;410;42,00;2,50;105,00;4711\r\n' +
        ';19701063-2391;"\'=HYPERLINK(""http://evil.example"")";2026-11-12;UPP-0051;"Workshop\nför chefer";310;1,50;296,00;444,00;\r\n' +
        ";19701063-2391;\"'=HYPERLINK(\"\"http://evil.example\"\")\";2026-11-20;UPP-0042;'-korrigering;310;1,00;-50,00;-50,00;'@SUM\r\n",
    );
  });

  it("keeps a cell that starts with = + - @ or a tab from running as a formula, but not a negative amount", () => {
    const rows = parseCsv(toCsv(batch));
    expect(rows.slice(1).map((r) => r[2])).toEqual(['Åsa & <Bo>', 'Åsa & <Bo>', `'=HYPERLINK("http://evil.example")`, `'=HYPERLINK("http://evil.example")`]);
    expect(rows[4]).toEqual(['', '19701063-2391', `'=HYPERLINK("http://evil.example")`, '2026-11-20', 'UPP-0042', "'-korrigering", '310', '1,00', '-50,00', '-50,00', "'@SUM"]);
    const tricky = ['+46 70 123', '@home', '\tcmd', '-1+1'];
    const withTricky = { ...batch, lines: [{ ...batch.lines[0]!, fees: tricky.map((description) => fee({ description })) }] };
    expect(parseCsv(toCsv(withTricky)).slice(1).map((r) => r[5])).toEqual(tricky.map((t) => `'${t}`));
  });

  it('names the columns in Danish and English, and uses the pay codes the tenant has set', () => {
    const csv = toCsv({ ...batch, payCodes: { fee: '1100' } }, 'da');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFMedarbejdernummer;Personnummer;Navn;Dato;Opgave;Beskrivelse;Lønart;Antal;Stykpris;Beløb;Omkostningssted');
    expect(parseCsv(csv).slice(1).map((r) => r[6])).toEqual(['1100', '410', '1100', '1100']);
    expect(toCsv(batch, 'en').split('\r\n')[0]).toBe('\uFEFFEmployee number;Personal identity number;Name;Date;Assignment;Description;Pay code;Quantity;Unit price;Amount;Cost centre');
  });
});

describe('the PAXml export', () => {
  it('writes PAXml 2.0 salary transactions: one lonetrans per line, kronor with a decimal point, everything escaped', () => {
    expect(toPaxml(batch)).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<paxml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://www.paxml.se/2.0/paxml.xsd">
  <header>
    <format>LÖNIN</format>
    <version>2.0</version>
    <datum>2026-11-23T09:00:00Z</datum>
    <foretagorgnr>232100-0057</foretagorgnr>
    <foretagnamn>Region Demo &amp; &lt;Test&gt;</foretagnamn>
    <programnamn>Peerbridge</programnamn>
    <info>2026-11-01/2026-11-30</info>
  </header>
  <lonetransaktioner>
    <lonetrans postid="1" anstid="1017" persnr="198112189876">
      <lonart>310</lonart>
      <kommentar>UPP-0042: Berättar sin historia; &quot;Vägen tillbaka&quot;</kommentar>
      <datum>2026-11-05</datum>
      <antal>1.00</antal>
      <apris>2131.20</apris>
      <belopp>2131.20</belopp>
      <resenheter>
        <resenhet dim="1" id="4711"/>
      </resenheter>
    </lonetrans>
    <lonetrans postid="2" anstid="1017" persnr="198112189876">
      <lonart>410</lonart>
      <kommentar>UPP-0042: Milersättning</kommentar>
      <datum>2026-11-05</datum>
      <antal>42.00</antal>
      <apris>2.50</apris>
      <belopp>105.00</belopp>
      <resenheter>
        <resenhet dim="1" id="4711"/>
      </resenheter>
    </lonetrans>
    <lonetrans postid="3" persnr="197010632391">
      <lonart>310</lonart>
      <kommentar>UPP-0051: Workshop
för chefer</kommentar>
      <datum>2026-11-12</datum>
      <antal>1.50</antal>
      <apris>296.00</apris>
      <belopp>444.00</belopp>
    </lonetrans>
    <lonetrans postid="4" persnr="197010632391">
      <lonart>310</lonart>
      <kommentar>UPP-0042: -korrigering</kommentar>
      <datum>2026-11-20</datum>
      <antal>1.00</antal>
      <apris>-50.00</apris>
      <belopp>-50.00</belopp>
      <resenheter>
        <resenhet dim="1" id="@SUM"/>
      </resenheter>
    </lonetrans>
  </lonetransaktioner>
</paxml>
`);
  });

  it('is well-formed even when names and texts carry markup, quotes and characters XML cannot hold', () => {
    const hostile = { ...batch, organisationName: 'A & B <c> "d" \'e\'', lines: [{ ...batch.lines[0]!, employeeNumber: '"><x a="', fees: [fee({ description: 'Åsa & <Bo>\u0001\u0008' })] }] };
    const xml = toPaxml(hostile);
    expect(isWellFormed(xml)).toBe(true);
    expect(xml).toContain('<foretagnamn>A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;</foretagnamn>');
    expect(xml).toContain('anstid="&quot;&gt;&lt;x a=&quot;"');
    expect(xml).toContain('<kommentar>UPP-0042: Åsa &amp; &lt;Bo&gt;</kommentar>');
    expect(isWellFormed(xml.replace('&lt;Bo&gt;', '<Bo>'))).toBe(false);
  });

  it('leaves out lonetransaktioner for a batch without lines, as the schema wants at least one lonetrans', () => {
    const xml = toPaxml({ ...batch, organisationNumber: null, lines: [] });
    expect(xml).not.toContain('lonetransaktioner');
    expect(xml).not.toContain('foretagorgnr');
    expect(isWellFormed(xml)).toBe(true);
  });

  it('refuses what the payroll system would reject, naming the peer by our id and never by personnummer', () => {
    const withPeer = (peer: Partial<PayrollExportPeer>) => ({ ...batch, lines: [{ ...batch.lines[0]!, ...peer }] });
    const badNumber = withPeer({ personnummer: '198112189875' });
    expect(() => toPaxml(badNumber)).toThrow('payroll batch, peer peer-1: personal identity number is not valid');
    expect(() => toPaxml(badNumber)).not.toThrow(/19811218/);
    expect(() => toPaxml(withPeer({ personnummer: '', employeeNumber: '' }))).toThrow('neither employee number nor personal identity number');
    expect(() => toPaxml(withPeer({ fees: [fee({ costCentre: 'KST-1234567' })] }))).toThrow('cost centre longer than 10 characters');
    expect(() => toPaxml(withPeer({ fees: [fee({ amountOre: 100.5 })] }))).toThrow('not in whole öre');
    expect(() => toCsv(withPeer({ fees: [fee({ date: '5/11/2026' })] }))).toThrow('date that is not YYYY-MM-DD');
  });

  it('passes a Danish CPR number through the CSV as it is: only PAXml, a Swedish format, needs a personnummer', () => {
    const danish = { ...batch, currency: 'DKK' as const, lines: [{ ...batch.lines[0]!, personnummer: '010190-1234' }] };
    expect(parseCsv(toCsv(danish, 'da'))[1]![1]).toBe('010190-1234');
    expect(() => toPaxml(danish)).toThrow('personal identity number is not valid');
  });
});

describe('the batch summary', () => {
  it('totals each peer (fees and travel apart) and the batch, with the personnummer masked', () => {
    expect(summarise(batch)).toEqual({
      currency: 'SEK',
      lineCount: 4,
      feeOre: 252_520,
      travelOre: 10_500,
      totalOre: 263_020,
      peers: [
        { peerId: 'peer-1', name: 'Åsa & <Bo>', personnummerMasked: '19811218-****', lineCount: 2, feeOre: 213_120, travelOre: 10_500, totalOre: 223_620 },
        { peerId: 'peer-2', name: '=HYPERLINK("http://evil.example")', personnummerMasked: '19701063-****', lineCount: 2, feeOre: 39_400, travelOre: 0, totalOre: 39_400 },
      ],
    });
  });

  it('counts a peer listed twice once', () => {
    const twice = { ...batch, lines: [batch.lines[0]!, { ...batch.lines[0]!, fees: [fee({ amountOre: 1_00 })] }] };
    expect(summarise(twice).peers).toEqual([expect.objectContaining({ peerId: 'peer-1', lineCount: 3, totalOre: 223_720 })]);
  });
});

describe('any batch', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'Å', 'ø', '&', '<', '>', '"', "'", ';', ',', '\n', '\r', '=', '+', '-', '@', ' ', '\t', '\u0001', '😀'), maxLength: 12 });
  const feeArb = fc.record({
    date: fc.constantFrom('2026-11-01', '2026-11-30'),
    assignmentRef: text,
    description: text,
    kind: fc.constantFrom('fee' as const, 'travel' as const),
    quantity: fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100),
    unitAmountOre: fc.integer({ min: -1_000_000, max: 10_000_000 }),
    amountOre: fc.integer({ min: -1_000_000, max: 10_000_000 }),
    costCentre: fc.string({ unit: fc.constantFrom('4', '7', 'K', '&', '<', '"', '-'), maxLength: 10 }),
  });
  const peerArb = fc.record({
    peerId: fc.uuid(),
    employeeNumber: text.map((t) => `E${t}`),
    personnummer: fc.constantFrom('198112189876', '197010632391', '199001011239', '200002291235', ''),
    name: text,
    fees: fc.array(feeArb, { maxLength: 5 }),
  });
  const batchArb = fc.array(peerArb, { maxLength: 6 }).map((lines): PayrollBatchExport => ({ ...batch, organisationName: 'Region & <Demo>', lines }));

  it('pays in PAXml exactly the summary total, in well-formed XML, and has one CSV row per line with the texts intact', () => {
    fc.assert(
      fc.property(batchArb, (b) => {
        const summary = summarise(b);
        const xml = toPaxml(b);
        expect(isWellFormed(xml)).toBe(true);
        const belopp = [...xml.matchAll(/<belopp>(-?)(\d+)\.(\d{2})<\/belopp>/g)].map(([, sign, kr, ore]) => (sign ? -1 : 1) * (Number(kr) * 100 + Number(ore)));
        expect(belopp).toHaveLength(summary.lineCount);
        expect([...xml.matchAll(/postid="(\d+)"/g)].map(([, id]) => Number(id))).toEqual(belopp.map((_, i) => i + 1));
        expect(belopp.reduce((a, n) => a + n, 0)).toBe(summary.totalOre);
        expect(summary.totalOre).toBe(b.lines.flatMap((p) => p.fees).reduce((a, f) => a + f.amountOre, 0));

        const rows = parseCsv(toCsv(b));
        expect(rows).toHaveLength(1 + summary.lineCount);
        expect(rows.every((r) => r.length === 11)).toBe(true);
        const descriptions = b.lines.flatMap((p) => p.fees.map((f) => (/^[=+\-@\t\r]/.test(f.description) ? `'${f.description}` : f.description)));
        expect(rows.slice(1).map((r) => r[5])).toEqual(descriptions);
      }),
    );
  });
});

/** RFC 4180 with semicolons: quoted cells may hold separators, doubled quotes and line breaks. */
function parseCsv(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 1; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted && c === '"' && csv[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ';') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && csv[i + 1] === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  expect(row).toEqual([]);
  return rows;
}

/** One root, every tag closed in order, attributes quoted, and no bare & or < in text or attributes. */
function isWellFormed(doc: string): boolean {
  // The Char production of XML 1.0: anything else may not appear, not even escaped.
  if (/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(doc)) return false;
  const body = doc.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  const entity = '&(?:amp|lt|gt|quot|apos);';
  const tag = new RegExp(`<(/?)([A-Za-z_][\\w.-]*)((?:\\s+[\\w:]+="(?:[^"<&]|${entity})*")*)\\s*(/?)>`, 'y');
  const bareText = new RegExp(`&(?!(?:amp|lt|gt|quot|apos);)`);
  const stack: string[] = [];
  let roots = 0;
  let at = 0;
  while (at < body.length) {
    const lt = body.indexOf('<', at);
    const text = body.slice(at, lt === -1 ? body.length : lt);
    if (bareText.test(text)) return false;
    if (stack.length === 0 && text.trim() !== '') return false;
    if (lt === -1) break;
    tag.lastIndex = lt;
    const match = tag.exec(body);
    if (!match) return false;
    const [, closing, name, , selfClosing] = match;
    if (closing) {
      if (stack.pop() !== name) return false;
    } else {
      if (stack.length === 0) roots++;
      if (!selfClosing) stack.push(name!);
    }
    at = tag.lastIndex;
  }
  return stack.length === 0 && roots === 1;
}
