// Every piece of page text is escaped: a page full of markup, event handlers, javascript:
// links and odd Unicode (fixtures/hostile.html) is ingested beside the demo corpus and opened
// on every page that shows it; nothing runs, no dialog opens, nothing navigates away, and the
// hostile text reads back as text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ROOT, startDemo, launch, watchedPage, screenshot } from './harness.mjs';

const TITLE = '<script>window.__pwned=1</script> Quillfeather says "yes" & <no>';
const SITE = 'The <img src=x onerror=alert(1)> Gazette';

let demo;
let browser;

before(async () => {
  demo = await startDemo(['--with', path.join(ROOT, 'tests/browser/fixtures/hostile.html')]);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await demo?.stop();
});

/// Nothing the hostile text says was obeyed on the page now shown.
async function assertInert(page, seen, where) {
  await page.waitForLoadState('load');
  await page.waitForTimeout(200); // an image's onerror or an svg's onload would fire by now
  assert.deepEqual(seen.dialogs, [], `${where}: no dialog`);
  assert.deepEqual(seen.errors, [], `${where}: no script error`);
  const state = await page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    const bad = (u) => {
      try {
        return !['http:', 'https:'].includes(new URL(u, location.href).protocol);
      } catch {
        return false; // not a URL at all: nothing to follow
      }
    };
    return {
      pwned: typeof window.__pwned,
      origin: location.origin,
      handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}[${a.name}]`)),
      links: all.flatMap((el) => ['href', 'src', 'action', 'formaction', 'xlink:href']
        .map((n) => el.getAttribute(n)).filter((v) => v !== null && bad(v))),
      scripts: [...document.scripts].filter((s) => /alert|__pwned/.test(s.textContent)).length,
      frames: document.querySelectorAll('iframe, object, embed, frame').length,
      images: document.querySelectorAll('img[src="x"]').length,
    };
  });
  assert.equal(state.pwned, 'undefined', `${where}: window.__pwned stays unset`);
  assert.equal(state.origin, demo.base, `${where}: still on the server`);
  assert.deepEqual(state.handlers, [], `${where}: no event handler attributes`);
  assert.deepEqual(state.links, [], `${where}: no javascript:/data: URLs`);
  assert.equal(state.scripts, 0, `${where}: no script of the page's`);
  assert.equal(state.frames, 0, `${where}: no frames`);
  assert.equal(state.images, 0, `${where}: no image from the page`);
  for (const u of seen.urls) assert.ok(u.startsWith(demo.base), `${where}: navigated to ${u}`);
}

test('the hostile page renders inert, as text, on every page that shows it', async () => {
  const { page, seen } = await watchedPage(browser);

  await page.goto(`${demo.base}/search?q=Quillfeather`);
  const hit = page.locator('ol.results > li.hit').filter({ hasText: 'Quillfeather says' }).first();
  assert.equal((await hit.locator('a.hit-title').textContent()).trim(), TITLE);
  assert.equal((await hit.locator('.hit-site').textContent()).trim(), SITE);
  await screenshot(page, 'hostile-1-search');
  await assertInert(page, seen, 'search');

  await Promise.all([page.waitForURL(/\/article\/\d+/), hit.locator('a.hit-title').click()]);
  const record = page.locator('article.record');
  assert.equal((await record.locator('h1.headline').textContent()).trim(), TITLE);
  const body = await record.locator('div.body').textContent();
  for (const s of [
    '<img src=x onerror="window.__pwned=2;alert(2)">',
    '<script>alert(3)</script>',
    '"</textarea><b>bold</b>"',
    'A < is a < and a " is a ".',
    '\u202egnirts desrever a\u202c',
    'joined\u200dwords',
    'non\u200cjoiner',
    '</textarea></title></style></script><svg onload=alert(9)>',
    '<iframe src=javascript:alert(10)>',
    '{{7*7}} and ${{7*7}}',
  ]) assert.ok(body.includes(s), `the body shows ${JSON.stringify(s)} as text`);
  assert.ok(await record.locator('div.body mark.quote').count() > 0, 'quotes are marked');
  assert.equal(await record.locator('div.body b, div.body script, div.body svg, div.body img').count(), 0);
  const tags = await record.locator('ul.tags').textContent();
  assert.ok(tags.includes("<script>alert('tag')</script>") && tags.includes('"><svg onload=alert(1)>'), tags);
  const notice = record.locator('.notice');
  assert.ok((await notice.textContent()).includes('The <b>Quillfeather</b> Gazette'));
  assert.equal(await notice.locator('b').count(), 0);
  await screenshot(page, 'hostile-2-article');
  await assertInert(page, seen, 'article');

  // Follow every link of the record's text (speakers) and its story, and come back.
  const hrefs = await page.locator('article.record div.body a[href], section.copies a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length > 0, 'the article links its speakers and story');
  for (const href of [...new Set(hrefs)]) {
    await page.goto(new URL(href, demo.base).href);
    await assertInert(page, seen, href);
  }
  const story = hrefs.find((h) => h.startsWith('/story/'));
  assert.ok(story, `a story link among ${hrefs}`);
  await page.goto(`${demo.base}${story}`);
  assert.equal((await page.locator('ol.members > li.member .outlet').first().textContent()).trim(), SITE);
  await screenshot(page, 'hostile-3-story');
  await page.goto(`${demo.base}/entity/${encodeURIComponent('Orla Quillfeather')}`);
  await screenshot(page, 'hostile-4-entity');
  await assertInert(page, seen, 'entity');

  for (const q of ['/quotes?q=script', '/quotes?speaker=Quillfeather', '/attention?q=Quillfeather&by=day']) {
    await page.goto(`${demo.base}${q}`);
    await assertInert(page, seen, q);
  }
});

test('hostile addresses give inert pages', async () => {
  const { page, seen } = await watchedPage(browser);
  const evil = '"><img src=x onerror=alert(1)><script>window.__pwned=1</script>';
  const e = encodeURIComponent(evil);
  for (const u of [
    `/search?q=${e}`,
    `/search?q=x&site=${e}&speaker=${e}&entity=${e}&from=${e}`,
    `/entity/${e}`,
    `/story/${e}`,
    `/article/${e}`,
    `/quotes?speaker=${e}&about=${e}&q=${e}`,
    `/attention?q=${e}&by=${e}`,
    `/no-such-page/${e}`,
  ]) {
    const res = await page.goto(`${demo.base}${u}`);
    if (res.status() >= 400) {
      assert.ok(await page.locator('p.error').isVisible(), `${u}: an HTML error page (${res.status()})`);
    }
    assert.ok(res.status() < 500, `${u}: ${res.status()}`);
    await assertInert(page, seen, u);
  }
  await screenshot(page, 'hostile-5-bad-address');
});
