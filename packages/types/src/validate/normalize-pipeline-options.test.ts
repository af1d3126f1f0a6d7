import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error.js';
import { normalizePipelineOptions } from './normalize-pipeline-options.js';

describe('pipeline options', () => {
  it('keeps the members, takes run()\'s options, and pipefail by default', () => {
    const o = normalizePipelineOptions([['ls'], ['wc', '-l']], { timeout: 5 });
    expect(o).toMatchObject({ argv: ['ls'], members: [['ls'], ['wc', '-l']], timeout: 5, pipefail: true });
    expect(normalizePipelineOptions([['ls']], { pipefail: false }).pipefail).toBe(false);
  });
  it('names the member, the word or the option that is wrong', () => {
    const cases: Array<[unknown, unknown, string]> = [
      [[], {}, 'pipeline'],
      ['ls', {}, 'pipeline'],
      [Array.from({ length: 65 }, () => ['true']), {}, 'pipeline'],
      [[['ls'], []], {}, 'pipeline[1]'],
      [[['ls'], 'wc'], {}, 'pipeline[1]'],
      [[['ls'], ['']], {}, 'pipeline[1][0]'],
      [[[''], ['wc']], {}, 'pipeline[0][0]'],
      [[['ls'], ['wc', 1]], {}, 'pipeline[1][1]'],
      [[['ls']], { pty: true }, 'pty'],
      [[['ls']], { pipefail: 1 }, 'pipefail'],
      [[['ls']], { maxOutputSize: -1 }, 'maxOutputSize'],
      [[['ls']], 'opts', 'options'],
    ];
    for (const [members, options, field] of cases) {
      const thrown = (() => {
        try {
          return normalizePipelineOptions(members, options);
        } catch (e) {
          return e;
        }
      })();
      expect([ValidationError.isInstance(thrown), (thrown as ValidationError).field]).toEqual([true, field]);
    }
  });
  it('accepts 64 members', () => {
    expect(normalizePipelineOptions(Array.from({ length: 64 }, () => ['true'])).members.length).toBe(64);
  });
});
