// Spanish recall templates must read as natural es-419 once the child's words are filled in,
// and a list of media must not repeat an item (practitioner review, coachfix items G).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spokenForm } from './scripted-prompts';

const es = JSON.parse(
  readFileSync(join(__dirname, '../../../locales/es/protocols.json'), 'utf8'),
) as { prompts: { recall: Record<string, Record<string, string>> }; media: Record<string, string> };

describe('Spanish recall templates', () => {
  it('"one or more times" frames the child words as what the child told', () => {
    for (const band of ['default', '3-5']) {
      const text = spokenForm(es.prompts.recall.oneOrMore![band]!, 'es');
      expect(
        text.startsWith('Eso que me contaste, que el carro rojo, ¿pasó una vez o más de una vez?'),
      ).toBe(true);
    }
  });

  it('"another time" joins the two relative clauses with "y"', () => {
    expect(spokenForm(es.prompts.recall.anotherTime!.default!, 'es')).toBe(
      'Cuéntame de otra vez que el carro rojo y que recuerdes bien.',
    );
  });

  it('media after disclosure names each kind once', () => {
    const list = /\(([^)]*)\)/
      .exec(es.media.afterDisclosure!)![1]!
      .split(',')
      .map((s) => s.trim());
    // Practitioner review 10, P10-2: the child's own drawings are not listed; whether NCAC and
    // APSAC restrict them to after a disclosure could not be verified.
    expect(list).toEqual(['diagramas corporales', 'muñecos']);
    expect(new Set(list).size).toBe(list.length);
  });
});
