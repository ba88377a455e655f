// The walk of issue 12 in a real browser: search → an article with its quotes marked → the
// speaker's page and quotes → the story, origin first and the copies in order. With
// ../shared/seed present the walk starts from "Lavrov" and the seed article; the demo corpus's
// own speaker and story are walked in every case.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemo, launch, watchedPage, screenshot } from './harness.mjs';

let demo;
let browser;

before(async () => {
  demo = await startDemo();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await demo?.stop();
});

/// Search from the header's form on the home page; returns the page at the results.
async function search(page, words, shot) {
  await page.goto(`${demo.base}/`);
  await page.locator('form.search input[name=q]').fill(words);
  await Promise.all([
    page.waitForURL(/\/search\?/),
    page.locator('form.search input[name=q]').press('Enter'),
  ]);
  await page.locator('ol.results > li.hit').first().waitFor();
  assert.ok(await page.locator('ol.results li.hit .snippet mark').count() > 0, 'matched words are marked');
  await screenshot(page, shot);
}

/// Click the result whose title matches, and check the article's quotes are highlighted.
async function openArticle(page, title, site, shot) {
  let hits = page.locator('ol.results > li.hit').filter({ has: page.locator('a.hit-title', { hasText: title }) });
  if (site) hits = hits.filter({ has: page.locator('.hit-site', { hasText: site }) });
  const hit = hits.first().locator('a.hit-title');
  await Promise.all([page.waitForURL(/\/article\/\d+/), hit.click()]);
  await page.locator('article.record h1.headline').waitFor();
  const quotes = page.locator('article.record div.body mark.quote');
  assert.ok(await quotes.count() > 0, 'the article has quotes marked');
  await quotes.first().scrollIntoViewIfNeeded();
  assert.ok(await quotes.first().isVisible(), 'the first quote is shown');
  await screenshot(page, shot);
}

/// Click the speaker's link; check the entity page lists quotes by them, one of them `words`.
async function openSpeaker(page, surname, words, shot) {
  const link = page.locator(`article.record a.speaker[href*="${surname}"]`).first();
  await Promise.all([page.waitForURL(/\/entity\//), link.click()]);
  const name = await page.locator('h1.entity-name').textContent();
  assert.match(name, new RegExp(surname));
  const quotes = page.locator('ul.quotes > li.quote');
  assert.ok(await quotes.count() > 0, 'the speaker has quotes listed');
  assert.ok(await quotes.filter({ hasText: words }).count() > 0, `a quote with "${words}"`);
  await screenshot(page, shot);
}

/// Back to the article, then to its story: the members in order, origin first.
async function openStory(page, shot) {
  await page.goBack();
  await page.locator('article.record').waitFor();
  const link = page.locator('section.copies a.story-link').first();
  await Promise.all([page.waitForURL(/\/story\/\d+/), link.click()]);
  await page.locator('svg.stemma-tree').waitFor();
  const members = page.locator('ol.members > li.member');
  const roles = await members.evaluateAll((els) => els.map((e) => e.dataset.role));
  assert.ok(roles.length > 0);
  assert.equal(roles[0], 'origin', `origin first: ${roles}`);
  for (const r of roles.slice(1)) assert.ok(['copy', 'embedding'].includes(r), `role ${r}`);
  await screenshot(page, shot);
  return { members, roles };
}

test('the seed: search Lavrov, his quotes, his story', async (t) => {
  if (!demo.seed) {
    t.skip('../shared/seed is absent: the demo corpus walk below stands in for it');
    return;
  }
  const { page, seen } = await watchedPage(browser);
  await search(page, 'Lavrov', 'walk-seed-1-search');
  await openArticle(page, 'Lavrov', null, 'walk-seed-2-article');
  await openSpeaker(page, 'Lavrov', 'reluctant', 'walk-seed-3-speaker');
  await openStory(page, 'walk-seed-4-story');
  assert.deepEqual(seen.dialogs, []);
  assert.deepEqual(seen.errors, []);
});

test('the demo corpus: search Valmont, his quotes, the story and who copied it', async () => {
  if (!demo.seed) console.log('# seed absent: walking the demo corpus (Idris Valmont, the Port Lirra story)');
  const { page, seen } = await watchedPage(browser);
  await search(page, 'Valmont harbour', 'walk-demo-1-search');
  await openArticle(page, 'stall over Port Lirra docks', 'Harbour Ledger', 'walk-demo-2-article');
  // The origin's headline, from The Harbour Ledger (the copies share it).
  assert.match(await page.locator('article.record .site').first().textContent(), /Harbour Ledger/);
  const marked = await page.locator('mark.quote[data-speaker]').evaluateAll((els) => els.map((e) => e.dataset.speaker));
  assert.ok(marked.some((s) => /Valmont/.test(s)), `quotes credited: ${marked}`);
  await openSpeaker(page, 'Valmont', 'Customs belong to the state', 'walk-demo-3-speaker');
  const { members, roles } = await openStory(page, 'walk-demo-4-story');
  assert.deepEqual(roles, ['origin', 'copy', 'copy', 'embedding', 'embedding']);
  const outlets = await members.locator('.outlet').allTextContents();
  assert.deepEqual(outlets.map((o) => o.trim()), [
    'The Harbour Ledger', 'Valley Dispatch', 'Northgate Courier', 'Meridian Post', 'Riverside Digest',
  ]);
  // Northgate Courier copied Valley Dispatch without its notice and under another byline.
  const northgate = members.nth(2);
  assert.equal(await northgate.locator('.flag-notice-dropped').count(), 1);
  assert.equal(await northgate.locator('.flag-byline-changed').count(), 1);
  assert.equal(await members.nth(1).locator('.flag-notice-dropped').count(), 0);
  // The two pieces that quote the story are counted apart from its copies, and their own
  // bylines are not flagged as changes to the story.
  assert.match(await page.locator('.story-size').textContent(), /3 articles .* quoted by 2 more/);
  for (const i of [3, 4]) {
    assert.equal(await members.nth(i).locator('.flag-byline-changed, .flag-notice-dropped').count(), 0);
  }
  assert.deepEqual(seen.dialogs, []);
  assert.deepEqual(seen.errors, []);
});
