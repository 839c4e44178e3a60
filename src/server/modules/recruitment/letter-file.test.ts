import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.ts';
import { cleanFilename } from '../../lib/uploads.ts';
import { checkLetterFile } from './letter-file.ts';
import { pdfOf, pngBytes, zipOf } from './public-applications.test-support.ts';

const odt = () => zipOf([{ name: 'mimetype', content: 'application/vnd.oasis.opendocument.text' }, { name: 'content.xml', content: '<office:document-content/>' }]);
const docx = () =>
  zipOf([
    {
      name: '[Content_Types].xml',
      content:
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    { name: 'word/document.xml', content: '<w:document/>' },
  ]);

async function refusal(promise: Promise<unknown>) {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('a letter file is judged by its content', () => {
  it('accepts a PDF, a DOCX and an ODT, whatever they are called', async () => {
    expect(await checkLetterFile('brev.pdf', await pdfOf('Hej'), 'sv')).toMatchObject({ mimeType: 'application/pdf', filename: 'brev.pdf' });
    expect(await checkLetterFile('brev.docx', docx(), 'sv')).toMatchObject({ mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', filename: 'brev.docx' });
    expect(await checkLetterFile('brev', odt(), 'sv')).toMatchObject({ mimeType: 'application/vnd.oasis.opendocument.text', filename: 'brev.odt' });
  });

  it('refuses an image, a plain zip and a text file with 415, saying what the file is', async () => {
    const png = await refusal(checkLetterFile('brev.pdf', pngBytes(), 'sv'));
    expect(png.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(png.fields).toEqual({ letterFile: { key: 'field.file_type', params: { found: 'PNG' } } });
    const zip = await refusal(checkLetterFile('brev.docx', zipOf([{ name: 'brev.txt', content: 'hej' }]), 'sv'));
    expect(zip.fields!.letterFile!.params).toEqual({ found: 'ZIP' });
    const text = await refusal(checkLetterFile('brev.odt', Buffer.from('Hej, här är mitt brev.'), 'da'));
    expect(text.fields!.letterFile!.params).toEqual({ found: 'en ukendt filtype' });
  });
});

describe('the file name the team sees', () => {
  it('drops any path and control characters, and ends in the type the file really has', () => {
    expect(cleanFilename('C:\\Users\\sara\\Mitt brev.PDF', 'pdf', 'letter')).toBe('Mitt brev.PDF');
    expect(cleanFilename('../../etc/brev\u0000".pdf', 'docx', 'letter')).toBe('brev.pdf.docx');
    expect(cleanFilename('', 'odt', 'letter')).toBe('letter.odt');
  });
});
