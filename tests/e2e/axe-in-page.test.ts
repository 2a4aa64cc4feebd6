// The harness runs axe-core in the page (axe.run, injected once per document) instead of through
// AxeBuilder's cross-frame protocol, which cost most of every e2e file's time (harness.ts). This
// holds the shortcut to what it replaces: on the real first-run screen, with three serious
// problems planted (an image without a text alternative, a button without a name, a field
// without a label), both ways find the same serious and critical violations, and a second run in
// the same document (axe already there) finds them again.
import AxeBuilder from '@axe-core/playwright';
import en from '../../locales/en/ui.json';
import { launch, ORIGIN, seriousViolations } from './harness';

test('axe in the page finds exactly what AxeBuilder finds, on a screen with planted problems', async () => {
  const h = await launch({ uiLanguage: 'en' });
  try {
    const { page } = h;
    await page.goto(`${ORIGIN}/index.html`);
    await page.getByRole('heading', { name: en.firstRun.title, exact: true }).waitFor();
    await page.evaluate(`(() => {
      const main = document.querySelector('main') ?? document.body;
      const img = document.createElement('img');
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      const button = document.createElement('button');
      const input = document.createElement('input');
      input.type = 'text';
      main.append(img, button, input);
    })()`);
    const reference = (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    const first = await seriousViolations(page);
    const again = await seriousViolations(page);
    expect(reference.map((v) => v.split(':')[0])).toEqual(
      expect.arrayContaining(['image-alt', 'button-name', 'label']),
    );
    expect(first).toEqual(reference);
    expect(again).toEqual(reference);
  } finally {
    await h.close();
  }
});
