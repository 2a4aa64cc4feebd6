// Scratch walk for the ui7 screenshots (not a test): live screen with notes and a coach hint,
// extended session 1 sealed, cases list, Settings vault check, Sources. en/es, 1024 and 1366.
import en from '../../locales/en/ui.json';
import es from '../../locales/es/ui.json';
import enP from '../../locales/en/protocols-ui.json';
import esP from '../../locales/es/protocols-ui.json';
import { launch, completeFirstRun } from './harness';

const lang = (process.argv[2] ?? 'en') as 'en' | 'es';
const OUT = '/tmp/ui7';
function text(cat: unknown, key: string, vars: Record<string, string | number> = {}): string {
  let n: unknown = cat;
  for (const p of key.split('.')) n = (n as Record<string, unknown>)?.[p];
  if (typeof n !== 'string') {
    let m: unknown = cat;
    for (const p of key.split('.').slice(0, -1)) m = (m as Record<string, unknown>)?.[p];
    const last = key.split('.').pop() ?? '';
    n = (m as Record<string, unknown>)?.[`${last}_other`];
  }
  if (typeof n !== 'string') throw new Error('no text ' + key);
  return n.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => String(vars[k]));
}
const t = (k: string, v?: Record<string, string | number>) => text(lang === 'en' ? en : es, k, v);
const tp = (k: string, v?: Record<string, string | number>) => text(lang === 'en' ? enP : esP, k, v);
const SIZES = [ { width: 1024, height: 700 }, { width: 1366, height: 768 } ];

const MEASURE = `(() => {
  const vh = window.innerHeight;
  const r = (sel) => { const e = document.querySelector(sel); if (!e) return null; const b = e.getBoundingClientRect(); return [Math.round(b.top), Math.round(b.bottom)]; };
  const rows = [...document.querySelectorAll('.note-list .notes > li')].map((li) => { const b = li.getBoundingClientRect(); const l = li.closest('.note-list').getBoundingClientRect(); return b.top >= l.top - 1 && b.bottom <= l.bottom + 1; });
  return { vh, note: r('#note-text'), hint: r('.question-hint'), reason: r('.hint-reason'), context: r('.hint-context'), list: r('.note-list'), wholeRows: rows.filter(Boolean).length, lastWhole: rows[rows.length - 1] };
})()`;

async function main() {
  const h = await launch({ uiLanguage: lang });
  const { page } = h;
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const label = (name: string) => page.getByLabel(name, { exact: true });
  const shot = async (name: string, full = false) => {
    for (const s of SIZES) {
      await page.setViewportSize(s);
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${OUT}/${lang}-${name}-${s.width}.png`, fullPage: full });
      if (name.startsWith('live')) console.log(name, s.width, JSON.stringify(await page.evaluate(MEASURE)));
    }
  };
  try {
    await page.setViewportSize(SIZES[0]);
    await completeFirstRun(page, t, 'correct horse battery staple');
    const reference = 'CAC-UI7';
    await button(t('cases.new')).click();
    await label(t('caseForm.reference')).fill(reference);
    await label(t('caseForm.alias')).fill(lang === 'en' ? 'Mia' : 'Lucía');
    await label(t('caseForm.age')).fill('8');
    await button(t('caseForm.create')).click();
    await button(t('cases.planFor', { reference })).click();
    await page.getByRole('heading', { name: t('plan.title'), exact: true }).waitFor();
    await label(t('plan.confirmBand')).check();
    await label(tp('plan.extended.first')).check();
    await button(t('plan.start')).click();
    await label(t('live.noteLabel')).waitFor({ timeout: 30_000 });
    await page.keyboard.press('Alt+n');
    await page.waitForTimeout(300);
    const box = label(t('live.noteLabel'));
    const notes = lang === 'en'
      ? ['Tell me everything about what happened.', 'Uncle Leo took me to the basement at night.', 'Child looked down at her shoes.']
      : ['Cuéntame todo lo que pasó.', 'Mi tío Leo me llevó al sótano en la noche.', 'La niña miró sus zapatos.'];
    for (const n of notes) { await box.fill(n); await box.press('Enter'); await page.waitForTimeout(200); }
    await shot('live-notes');
    await box.fill(lang === 'en' ? 'Did he hurt you in the basement?' : '¿Te lastimó en el sótano?');
    await page.getByTestId('question-hint').waitFor();
    await page.waitForTimeout(400);
    await shot('live-coach');
    await box.fill('');
    await button(t('live.finish')).click();
    await page.locator('#seal-understood').check();
    await button(t('finish.seal')).click();
    await page.getByRole('heading', { name: t('finish.sealedHeading') }).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(800);
    await shot('sealed', true);
    await page.getByRole('link', { name: t('nav.cases') }).or(page.getByRole('button', { name: t('nav.cases'), exact: true })).first().click();
    await page.waitForTimeout(600);
    await shot('cases', true);
    await button(t('cases.planNextFor', { index: 2, reference })).click();
    await page.waitForTimeout(800);
    await shot('plan-s2', true);
    await page.getByRole('link', { name: t('nav.sources') }).or(page.getByRole('button', { name: t('nav.sources'), exact: true })).first().click();
    await page.waitForTimeout(600);
    await shot('sources', true);
    await page.getByRole('link', { name: t('nav.settings') }).or(page.getByRole('button', { name: t('nav.settings'), exact: true })).first().click();
    await button(t('settings.checkRun')).click();
    await page.waitForTimeout(3000);
    await shot('settings', true);
    console.log('errors', JSON.stringify(h.pageErrors));
  } finally {
    await h.close();
  }
}
void main().catch((e) => { console.error(e); process.exit(1); });
