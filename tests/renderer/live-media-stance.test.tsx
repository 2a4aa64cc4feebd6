// The live coach reads a media question (body diagram, drawing) by the session protocol's
// stance on media (plan.media.stance, passed as the coach's context.mediaStance): NCAC allows
// media after a verbal disclosure, NICHD does not use them. The same words, two protocols.
import { screen } from '@testing-library/react';
import { fakeCore } from './fake-core';
import { renderApp } from './render';

async function liveWith(protocolLabel: RegExp) {
  const core = fakeCore();
  await core.invoke('cases.create', {
    reference: 'CAC-M',
    childAlias: 'Mia',
    childAgeYears: 9,
    language: 'en',
  });
  const r = renderApp(core);
  await r.user.click(await screen.findByRole('button', { name: 'Plan interview for case CAC-M' }));
  await screen.findByRole('heading', { name: 'Plan the interview' });
  const select = screen.getByLabelText<HTMLSelectElement>('Protocol');
  const option = [...select.options].find((o) => protocolLabel.test(o.text));
  if (!option) throw new Error(`no protocol ${String(protocolLabel)}`);
  await r.user.selectOptions(select, option);
  await r.user.click(screen.getByLabelText(/I confirm the child's age/));
  await r.user.click(screen.getByRole('button', { name: 'Start the interview' }));
  const box = await screen.findByLabelText('Note');
  await r.user.type(box, 'Can you show me on this drawing?');
  return screen.getByTestId('question-hint');
}

test('under NCAC (media after disclosure) a drawing question is not flagged', async () => {
  const hint = await liveWith(/NCAC/);
  expect(hint.querySelector('.hint-ok')).not.toBeNull();
  expect(hint.querySelector('.hint-care')).toBeNull();
});

test('under NICHD (media not used) the same question is flagged to ask differently', async () => {
  const hint = await liveWith(/NICHD/);
  expect(hint.querySelector('.hint-care')).not.toBeNull();
});
