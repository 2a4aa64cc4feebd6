// Practitioner review 3, M4: "Good open questioning" depends on what the trainee asked, never on
// what the simulated child happened to take up (Lamb, Sternberg, Orbach, Esplin & Mitchell 2002).
import { earnsOpenQuestioningPraise } from '../../../src/training/feedback';

const openSession = {
  substantivePrompts: 9,
  substantiveInvitationShare: 7 / 9,
  goodInvitationShare: 0.5,
  suggestive: 0,
  allegationBy: 'child' as const,
  pairing: { closed: 2, pairedAtOnce: 2 },
};

describe('open-questioning praise follows the interviewer conduct', () => {
  it('is earned by invitations with paired option-posing prompts', () => {
    expect(
      earnsOpenQuestioningPraise(
        openSession,
        [{ type: 'option-posing', subtype: 'yes-no' }],
        false,
      ),
    ).toBe(true);
  });

  it('is withheld after a closed question that introduced a detail (coach28: option-posing/new-detail)', () => {
    expect(
      earnsOpenQuestioningPraise(
        openSession,
        [{ type: 'option-posing', subtype: 'new-detail' }],
        false,
      ),
    ).toBe(false);
  });

  it('is withheld after a suggestive prompt the child did not take up', () => {
    expect(earnsOpenQuestioningPraise({ ...openSession, suggestive: 1 }, [], false)).toBe(false);
    // A suggestive prompt outside the substantive phase counts too.
    expect(
      earnsOpenQuestioningPraise(openSession, [{ type: 'suggestive', subtype: 'tag' }], false),
    ).toBe(false);
  });

  it('is withheld when the interviewer introduced the allegation', () => {
    expect(
      earnsOpenQuestioningPraise({ ...openSession, allegationBy: 'interviewer' }, [], false),
    ).toBe(false);
  });

  it('is withheld when an option-posing prompt was left unpaired', () => {
    const unpaired = { ...openSession, pairing: { closed: 3, pairedAtOnce: 2 } };
    expect(earnsOpenQuestioningPraise(unpaired, [], false)).toBe(false);
  });

  it('is withheld below the configured share and after a planted detail', () => {
    const low = { ...openSession, substantiveInvitationShare: 0.4 };
    expect(earnsOpenQuestioningPraise(low, [], false)).toBe(false);
    expect(earnsOpenQuestioningPraise(openSession, [], true)).toBe(false);
  });
});
