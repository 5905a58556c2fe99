import { test, expect, type FrameLocator, type Page } from '@playwright/test';
import { axeViolations } from './helpers/axe.ts';
import { watchPage } from './helpers/watch-page.ts';

// The Browser tab (src/browser/): one app, one Python start, every flow a reader would try — links and
// Back/Forward, a POST form and its redirect, the app's own CSS, image and JSON API, a login cookie that
// persists and is cleared by logging out, XMLHttpRequest, a multipart upload, a meta refresh and a
// location assignment, and pages that would loop forever (a redirect loop, a form that
// submits itself, a thousand images), each stopped with a message while the next visit still works.
test.setTimeout(420_000);

const PLAYGROUND = '/playground/?timeLimit=30000';

const APP = String.raw`import base64, json
from urllib.parse import parse_qs

DOT = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==")

def page(title, body, status="200 OK", headers=()):
    html = "<!doctype html><html><head><title>%s</title><link rel=stylesheet href=/static/site.css></head><body><h1>%s</h1>%s</body></html>" % (title, title, body)
    return status, [("Content-Type", "text/html; charset=utf-8"), *headers], html.encode()

def route(environ):
    path, method = environ["PATH_INFO"], environ["REQUEST_METHOD"]
    query = parse_qs(environ.get("QUERY_STRING", ""))
    cookie = environ.get("HTTP_COOKIE", "")
    if path == "/":
        return page("Home", '<img id=dot src="static/dot.png" alt="dot"><p id=api>waiting</p>'
            '<a id=about href="/about">About</a> <a href="/login">Log in</a>'
            '<form method=post action="/greet"><label>Name <input name=name></label><button>Greet</button></form>'
            '<script>fetch("/api").then(r => r.json()).then(d => { document.getElementById("api").textContent = "answer " + d.answer; });</script>')
    if path == "/about":
        return page("About", '<p id=xhr>waiting</p><a href="/">Home</a> <a href="/upload">Upload</a>'
            '<script>const x = new XMLHttpRequest(); x.open("GET", "/api"); x.responseType = "json";'
            'x.onload = () => { document.getElementById("xhr").textContent = x.status + " " + x.response.answer; }; x.send();</script>')
    if path == "/upload" and method == "POST":
        size = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(size)
        kind = environ.get("CONTENT_TYPE", "").split(";")[0]
        return page("Uploaded", "<p id=got>%s %d bytes, %s</p>" % (kind, size, "has file" if b'filename="note.txt"' in body and b"hello file" in body else "no file"))
    if path == "/upload":
        return page("Upload", '<form method=post enctype="multipart/form-data"><input type=file name=f aria-label=File><button>Send</button></form>')
    if path == "/greet" and method == "POST":
        size = int(environ.get("CONTENT_LENGTH") or 0)
        name = parse_qs(environ["wsgi.input"].read(size).decode())["name"][0]
        return "303 See Other", [("Location", "/hello?name=" + name)], b""
    if path == "/hello":
        return page("Hello, " + query["name"][0], '<a href="/">Home</a>')
    if path == "/static/site.css":
        return "200 OK", [("Content-Type", "text/css")], b"h1 { color: rgb(200, 0, 0) }"
    if path == "/static/dot.png":
        return "200 OK", [("Content-Type", "image/png")], DOT
    if path == "/api":
        return "200 OK", [("Content-Type", "application/json")], json.dumps({"answer": 42}).encode()
    if path == "/login" and method == "POST":
        return "303 See Other", [("Location", "/private"), ("Set-Cookie", "session=ada; Path=/; HttpOnly; SameSite=Lax")], b""
    if path == "/login":
        return page("Log in", '<form method=post><input name=user value=ada><button>Log in</button></form>')
    if path == "/private":
        if "session=ada" not in cookie:
            return "302 Found", [("Location", "/login")], b""
        return page("Welcome back, ada", '<a href="/about">About</a> <a id=out href="/logout">Log out</a>')
    if path == "/logout":
        return "303 See Other", [("Location", "/login"), ("Set-Cookie", "session=; Path=/; Max-Age=0")], b""
    if path == "/refresh":
        return page("Refresh", '<meta http-equiv="refresh" content="0; url=go?from=meta">')
    if path == "/go":
        return page("Go", '<p id=from>%s</p><button id=next>Next</button><script>document.getElementById("next").onclick = () => { location.href = "/about"; };</script>' % environ.get("QUERY_STRING", ""))
    if path == "/loop":
        return "302 Found", [("Location", "/loop")], b""
    if path == "/again":
        return page("Again", '<form method=post action="/again"><input name=n value=1></form><script>document.forms[0].submit()</script>')
    if path == "/many":
        return page("Many", "".join('<img src="/static/dot.png?%d" alt="">' % i for i in range(1000)))
    return page("Not found", "", "404 Not Found")

def app(environ, start_response):
    status, headers, body = route(environ)
    start_response(status, headers)
    return [body]
`;

async function paste(page: Page, code: string) {
  await page.getByLabel(/^Code of app\.py\. Focus or click to edit\.$/).click();
  await expect(page.getByRole('textbox', { name: 'Code of app.py, editable' })).toBeFocused({ timeout: 180_000 });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}

// The playground's screenshots (once editor-screenshots.spec.ts, with a page load and a Python of its own)
// and then the Browser tab share one page and one Python: the screenshots of the playground as it opens
// (its default app run), then the reader pastes the app above. In order in one worker; a failed test
// does not skip the next, which then gets a new worker and page.
test.describe.configure({ mode: 'default' });
const WIDTHS = [1280, 360];
const THEMES = ['light', 'dark'] as const;
let page: Page;
/** Watches the page from its load (the Browser test reads it: problems of the screenshots test too). */
let watch: ReturnType<typeof watchPage>;
test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  watch = watchPage(page);
  await page.setViewportSize({ width: WIDTHS[0], height: 1000 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(PLAYGROUND);
});
test.afterAll(async () => { await page?.close(); });

// Screenshots of the playground with its results open, desktop and phone width, both themes, for review
// (tests/output/screenshots/playground-*.png; a LiveEditor's are taken in editor-a11y.spec.ts). Each
// checks what a reader would: the results rendered, and the page does not scroll sideways at that
// width. The page loads light and the reader's system switches to dark (the site and the editor follow
// it live); the window is 1280 px, then narrows to 360 px (the layout is CSS; the touch editor is
// chosen by the pointer, not the width).
test('playground with results at 1280 and 360 px in light and dark', async () => {
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByLabel('Response body')).toHaveText('Hello, Ada!', { timeout: 180_000 });
  for (const colorScheme of THEMES) {
    await page.emulateMedia({ colorScheme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 1000 });
      await expect(page.getByLabel('Response body')).toHaveText('Hello, Ada!');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `tests/output/screenshots/playground-${width}-${colorScheme}.png`, fullPage: true });
    }
  }
});

test('the Browser tab clicks through the app: links, Back/Forward, a POST and its redirect, CSS, image, fetch, a login cookie, and loops stopped', async () => {
  // The window and theme the test was written for (the screenshots test left 360 px and dark).
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.emulateMedia({ colorScheme: 'light' });
  await paste(page, APP);
  await page.getByLabel('Path and query').fill('/');
  await page.getByRole('button', { name: 'Run' }).click();
  await page.getByRole('tab', { name: 'Browser' }).click({ timeout: 180_000 });
  const browser = page.locator('.br');
  const app: FrameLocator = page.frameLocator('iframe.br-frame').frameLocator('iframe');
  const address = browser.getByLabel('Address (a path of your app)');
  const rows = browser.locator('.br-requests tbody tr');
  const status = browser.getByRole('status').first();

  // The app's own stylesheet, image and JSON API, each a request through the server.
  await expect(app.locator('h1')).toHaveText('Home');
  await expect(app.locator('h1')).toHaveCSS('color', 'rgb(200, 0, 0)');
  await expect.poll(() => app.locator('#dot').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2);
  await expect(app.locator('#api')).toHaveText('answer 42');
  for (const path of ['/static/site.css', '/static/dot.png', '/api']) await expect(rows.filter({ hasText: path })).toHaveCount(1);
  await expect(rows.filter({ hasText: '/api' })).toContainText('fetch');

  // A link, then Back and Forward (shown again from memory, like a browser's back/forward cache).
  await app.locator('#about').click();
  await expect(app.locator('h1')).toHaveText('About');
  await expect(address).toHaveValue('/about');
  await browser.getByRole('button', { name: 'Back' }).click();
  await expect(app.locator('h1')).toHaveText('Home');
  await expect(address).toHaveValue('/');
  await browser.getByRole('button', { name: 'Forward' }).click();
  await expect(app.locator('h1')).toHaveText('About');
  // XMLHttpRequest to the app, then a multipart upload of a file.
  await expect(app.locator('#xhr')).toHaveText('200 42');
  await app.getByRole('link', { name: 'Upload' }).click();
  await app.getByLabel('File').setInputFiles({ name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('hello file') });
  await app.getByRole('button', { name: 'Send' }).click();
  await expect(app.locator('#got')).toHaveText(/^multipart\/form-data \d+ bytes, has file$/);
  // A meta refresh (a relative URL) and a script's location assignment are requests to the app too.
  await address.fill('/refresh');
  await address.press('Enter');
  await expect(app.locator('#from')).toHaveText('from=meta');
  // The script navigates when clicked, not on a timer: a 300 ms timer raced this check on a busy machine.
  await app.getByRole('button', { name: 'Next' }).click();
  await expect(app.locator('h1')).toHaveText('About');
  await expect(rows.filter({ hasText: '/go?from=meta' })).toHaveCount(1);
  await expect(address).toHaveValue('/about');
  await address.fill('/');
  await address.press('Enter');
  await expect(app.locator('h1')).toHaveText('Home');

  // A POST form, its 303 and the page it leads to.
  await app.getByLabel('Name').fill('Ada Lovelace');
  await app.getByRole('button', { name: 'Greet' }).click();
  await expect(app.locator('h1')).toHaveText('Hello, Ada Lovelace');
  await expect(address).toHaveValue('/hello?name=Ada%20Lovelace');
  const post = rows.filter({ hasText: '/greet' });
  await expect(post).toContainText('POST');
  await expect(post).toContainText('303 See Other');
  // The request opens in the result views with the bytes the server read.
  await post.getByRole('button').click();
  const detail = browser.locator('.br-detail');
  await detail.getByRole('tab', { name: 'Raw HTTP' }).click();
  const raw = detail.getByLabel('Raw request');
  await expect(raw).toContainText('POST /greet HTTP/1.1␍␊');
  await expect(raw).toContainText('Content-Type: application/x-www-form-urlencoded␍␊');
  await expect(raw).toContainText('Origin: http://localhost␍␊');
  await expect(raw).toContainText('Referer: http://localhost/␍␊');
  await expect(raw).toContainText(/␍␊\n␍␊\nname=Ada\+Lovelace$/);
  await detail.getByRole('tab', { name: 'Environ' }).click();
  await expect(detail.getByRole('row', { name: /^REQUEST_METHOD/ })).toContainText('POST');
  await expect(detail.getByRole('row', { name: /^CONTENT_LENGTH/ })).toContainText('17');

  // Log in: the cookie goes with every later request, across pages, until the app clears it.
  await address.fill('/private');
  await address.press('Enter');
  await expect(app.locator('h1')).toHaveText('Log in');
  await app.getByRole('button', { name: 'Log in' }).click();
  await expect(app.locator('h1')).toHaveText('Welcome back, ada');
  await browser.getByText(/^Cookies \(1\)$/).click();
  await expect(browser.locator('.br-cookies')).toContainText('HttpOnly SameSite=Lax');
  await app.getByRole('link', { name: 'About' }).click();
  await expect(app.locator('h1')).toHaveText('About');
  await address.fill('/private');
  await address.press('Enter');
  await expect(app.locator('h1')).toHaveText('Welcome back, ada');
  await expect(rows.filter({ hasText: '/private' }).last()).toContainText('200 OK');
  await app.locator('#out').click();
  await expect(app.locator('h1')).toHaveText('Log in');
  await expect(browser.getByText(/^Cookies \(0\)$/)).toBeVisible();

  // A redirect loop ends at Chromium's limit: 20 responses, all redirects.
  const before = await rows.count();
  await address.fill('/loop');
  await address.press('Enter');
  await expect(status).toContainText('Too many redirects: 20 responses in a row were redirects', { timeout: 60_000 });
  expect(await rows.filter({ hasText: '/loop' }).count()).toBe(20);
  expect(await rows.count()).toBe(before + 20);
  await expect(app.locator('h1')).toHaveText("This page isn't working");

  // A form that submits itself on every load is stopped after 20 navigations it made by itself.
  await address.fill('/again');
  await address.press('Enter');
  await expect(status).toContainText('by itself 20 times in a row', { timeout: 120_000 });
  const posts = await rows.filter({ hasText: '/again' }).count();
  await page.waitForTimeout(1000);
  expect(await rows.filter({ hasText: '/again' }).count()).toBe(posts);

  // A thousand images: the stylesheet and the first 49 are loaded, the rest counted; then the next visit works.
  await address.fill('/many');
  await address.press('Enter');
  await expect(status).toContainText('(50); 951 more were not loaded', { timeout: 120_000 });
  await expect(app.locator('h1')).toHaveCSS('color', 'rgb(200, 0, 0)');
  await expect(app.locator('h1')).toHaveText('Many');
  await address.fill('/about');
  await address.press('Enter');
  await expect(app.locator('h1')).toHaveText('About');

  // The Browser tab's own controls, list and cookie table, by keyboard and screen reader, in both themes.
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const violations = await axeViolations(page, { include: ['.br'], exclude: ['.br-view'] });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
  }
  const times = (await rows.locator('td:nth-child(5)').allTextContents()).map((t) => Number.parseInt(t, 10)).sort((a, b) => a - b);
  console.log(`${times.length} requests, median ${times[times.length >> 1]} ms`);
  // Chromium logs each navigation the host page's frame-src blocks (that is how the browser catches the
  // meta refresh and the location assignment); nothing else may go wrong.
  const caught = /^console error: Framing '[^']*\/(go\?from=meta|about)' violates the following Content Security Policy directive: "default-src 'none'"/;
  expect(watch.problems().filter((p) => !caught.test(p))).toEqual([]);
});
