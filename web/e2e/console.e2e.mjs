// Browser test of the web console through the gateway, in Debian's chromium driven by playwright-core.
//   node web/e2e/console.e2e.mjs <gateway-url> [demo-password]
// (or GATEWAY_URL / DEMO_PASSWORD). Screenshots go to SCREENSHOTS_DIR (default <repo>/.platform/screenshots).
// Exits 0 when every step passed; prints each step and, on failure, what the page showed.
import { mkdirSync, mkdtempSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const base = (process.argv[2] ?? process.env.GATEWAY_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const password = process.argv[3] ?? process.env.DEMO_PASSWORD ?? 'Demo@2025';
const shots = process.env.SCREENSHOTS_DIR ?? resolve(here, '../../.platform/screenshots');
const browserPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const month = new Date().toISOString().slice(0, 7);
const stamp = Date.now().toString(36);
const notes = [];

if (!existsSync(browserPath)) {
  console.error(`FAIL: ${browserPath} is missing; install Debian's chromium (bash infra/chromium.sh)`);
  process.exit(1);
}
mkdirSync(shots, { recursive: true });

const profile = mkdtempSync(join(tmpdir(), 'console-e2e-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: browserPath,
  headless: true,
  viewport: { width: 1440, height: 900 },
  locale: 'zh-CN',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const page = context.pages()[0] ?? (await context.newPage());
page.setDefaultTimeout(20_000);
const consoleErrors = [];
page.on('pageerror', (e) => consoleErrors.push(String(e)));
// The gateway's Content-Security-Policy must not block anything the console does (it reports in the console).
page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) consoleErrors.push(`CSP: ${m.text()}`); });

let step = 'start';
const shot = (name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
const log = (text) => console.log(`ok   ${text}`);

/** A page that shows neither a blank screen nor a raw error object. */
async function assertReadable(what) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => {});
  await page.waitForFunction(() => (document.getElementById('root')?.innerText.trim().length ?? 0) >= 20, null, { timeout: 15_000 })
    .catch(() => { throw new Error(`${what}: the page is blank`); });
  const text = await page.locator('#root').innerText();
  if (/\[object Object\]|"status"\s*:|"title"\s*:|"traceId"|Unexpected token|TypeError/.test(text))
    throw new Error(`${what}: the page shows a raw error: ${text.slice(0, 400)}`);
}

async function signIn(user) {
  await page.goto(`${base}/`);
  await page.waitForURL(/\/login/);
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('home').waitFor();
}

async function signOut() {
  await page.getByRole('button', { name: /退\s*出/ }).click();
  await page.waitForURL(/\/login/);
}

async function api(path, token, init = {}) {
  const response = await fetch(`${base}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers } });
  return { status: response.status, body: await response.json().catch(() => null) };
}

async function tokenFor(user) {
  const r = await fetch(`${base}/api/identity/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: user, password }) });
  if (!r.ok) throw new Error(`sign-in of ${user} through the API failed: ${r.status}`);
  return (await r.json()).access_token;
}

const scheduledOf = (overview, region) =>
  overview?.regions?.find((r) => r.regionCode === region)?.metrics?.find((m) => m.metric === 'fixedAssetInvestment')?.scheduled ?? 0;

try {
  step = 'log-in page';
  await page.goto(`${base}/`);
  await page.waitForURL(/\/login/);
  await assertReadable('login page');
  await shot('01-login');
  log('the console is served at / and sends an anonymous visitor to 登录');

  step = 'wrong password';
  await page.getByLabel('用户名').fill('project-office@140522');
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('login-error').getByText('用户名或密码错误').waitFor();
  log('a wrong password shows 用户名或密码错误');

  step = 'project office home';
  await signIn('project-office@140522');
  await page.getByText('阳城县').first().waitFor();
  await assertReadable('home');
  await shot('02-home-project-office');
  log('project-office@140522 signs in and sees 阳城县 on its home page');

  step = 'token renewal';
  // Access tokens last 15 minutes. Make the stored one look due in 20 s (it is then never sent, so its broken
  // signature does not matter): the console must renew it with the refresh token before its next request.
  const due = await page.evaluate(() => {
    const [head, payload, signature] = localStorage.getItem('platform.token').split('.');
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    claims.exp = Math.floor(Date.now() / 1000) + 20;
    const token = `${head}.${btoa(JSON.stringify(claims)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}.${signature}`;
    localStorage.setItem('platform.token', token);
    return { token, refresh: localStorage.getItem('platform.refresh') };
  });
  await page.goto(`${base}/projects`);
  await assertReadable('projects after renewal');
  const renewed = await page.evaluate(() => ({ token: localStorage.getItem('platform.token'), refresh: localStorage.getItem('platform.refresh') }));
  if (!due.refresh || !renewed.refresh || renewed.refresh === due.refresh || renewed.token === due.token || page.url().includes('/login'))
    throw new Error('the console did not renew its access token with the refresh token');
  log('an access token about to expire is renewed with the refresh token, and the user stays signed in');

  const cityToken = await tokenFor('city-hq@140500');
  const before = await api(`/api/city/overview?period=${month}`, cityToken);
  const cityAvailable = before.status === 200;

  step = 'refused create';
  const name = `浏览器测试项目-${stamp}`;
  await page.goto(`${base}/projects/new`);
  await page.getByTestId('project-form').waitFor();
  await page.getByLabel('项目名称').fill(name);
  await page.getByLabel('项目类别').click();
  await page.locator('.ant-select-dropdown:visible').getByText('基础设施', { exact: true }).click();
  await page.getByLabel('建设性质').click();
  await page.locator('.ant-select-dropdown:visible').getByText('新建', { exact: true }).click();
  await page.getByLabel('总投资（万元）').fill('-100');
  await page.getByLabel('年度计划投资（万元）').fill('50');
  await page.getByTestId('save-project').click();
  const totalItem = page.locator('.ant-form-item').filter({ has: page.getByLabel('总投资（万元）') });
  await totalItem.locator('.ant-form-item-explain-error').getByText('不能为负数').waitFor();
  await assertReadable('refused create');
  await shot('03-create-refused');
  log('a negative total investment is refused by the API and 不能为负数 shows next to 总投资');

  step = 'create';
  await page.getByLabel('总投资（万元）').fill('12000');
  await page.getByLabel('年度计划投资（万元）').fill('6000');
  await page.getByLabel('包联领导').fill('王副县长');
  await page.getByTestId('save-project').click();
  await page.getByTestId('project-detail').waitFor();
  await page.getByRole('heading', { name }).waitFor();
  const projectUrl = page.url();
  log(`the project is created through the form (${projectUrl.replace(base, '')})`);

  step = 'report progress';
  const amount = 1234.5;
  await page.getByTestId('progress-form').getByLabel('当月完成投资（万元）').fill(String(amount));
  await page.getByTestId('progress-form').getByLabel('进展情况').fill('主体工程施工');
  await page.getByTestId('progress-form').getByRole('button', { name: /报\s*送/ }).click();
  await page.locator('.ant-table-row').filter({ hasText: month }).filter({ hasText: '1,234.5' }).waitFor();
  await page.getByTestId('schedule-chart').locator('canvas').first().waitFor();
  await assertReadable('project detail');
  await shot('04-project-detail-progress');
  log(`progress of ${amount} 万元 for ${month} is reported and listed with the 序时进度 chart`);

  step = 'project list';
  await page.goto(`${base}/projects`);
  await page.getByPlaceholder('项目名称关键词').fill(stamp);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await page.locator('.ant-table-row').filter({ hasText: name }).waitFor();
  await shot('05-project-list');
  log('the project library lists the new project by name');

  step = 'project import';
  await page.goto(`${base}/imports`);
  const sheet = join(profile, `导入-${stamp}.csv`);
  writeFileSync(sheet, '项目名称,所属地区,项目类别,建设性质,总投资（万元）,年度计划投资（万元）,计划年度\n' +
    `导入测试项目 ${stamp},阳城县,基础设施,新建,8000,3000,2025\n导入错误行 ${stamp},阳城县,基础设施,新建,很多,3000,2025\n`);
  await page.locator('input[type=file]').setInputFiles(sheet);
  await page.getByRole('button', { name: /上传并导入/ }).click();
  await page.getByText('未导入任何数据').waitFor();
  await page.getByTestId('import-report').getByText('总投资（万元）').waitFor();
  await page.getByRole('checkbox', { name: '只导入无误的行' }).check();
  await page.getByRole('button', { name: /上传并导入/ }).click();
  await page.getByText('导入完成：新增 1 个').waitFor();
  await assertReadable('project import');
  await shot('08-import');
  log('a sheet with a bad row is refused with the row and column named; the good row imports when asked');

  for (const [path, file, what] of [['/progress', '06-bulk-progress', '批量填报'], ['/problems', '07-problems', '问题台账'],
    ['/approvals', '09-approvals-project-office', '前期手续审批']]) {
    step = what;
    await page.goto(`${base}${path}`);
    await assertReadable(what);
    await shot(file);
  }
  log('批量填报, 问题台账 and 前期手续审批 render (data or a clear message)');
  await signOut();

  step = 'city overview';
  await signIn('city-hq@140500');
  await page.getByText('晋城市').first().waitFor();
  await shot('10-home-city-hq');
  await page.goto(`${base}/city?period=${month}`);
  if (cityAvailable) {
    const expected = scheduledOf(before.body, '140522') + amount;
    const cell = page.getByTestId('scheduled-140522');
    const deadline = Date.now() + 45_000;
    let shown = '';
    for (;;) {
      await cell.waitFor();
      shown = (await cell.innerText()).replace(/,/g, '');
      if (Math.abs(Number(shown) - expected) < 0.01) break;
      if (Date.now() > deadline) throw new Error(`阳城县 调度数 shows ${shown}, expected ${expected} after the report`);
      await page.waitForTimeout(1500);
      await page.reload();
    }
    await page.getByTestId('overview-chart').locator('canvas').first().waitFor();
    log(`the city overview shows 阳城县's 调度数 grown by the reported ${amount} 万元 (${expected})`);
  } else {
    await page.getByTestId('service-unavailable').getByText('该功能的服务暂不可用').first().waitFor();
    notes.push(`city service not available (overview answered ${before.status}): asserted the friendly unavailable message`);
    log('the city service is not available: the overview shows 该功能的服务暂不可用');
  }
  await assertReadable('city overview');
  await shot('11-city-overview');

  for (const [path, file, what] of [[`/city/lists?period=${month}&list=behind-schedule`, '12-city-lists', '九张清单'],
    ['/city/decomposition?period=2023-Q4', '13-decomposition', '目标分解'], ['/projects', '14-projects-city', '项目库（全市）']]) {
    step = what;
    await page.goto(`${base}${path}`);
    await assertReadable(what);
    await shot(file);
  }
  log('九张清单, 目标分解 and the city-wide 项目库 render (data or a clear message)');
  await signOut();

  for (const [user, path, file, what] of [['approvals@140522', '/approvals', '15-approvals', '审批工作清单'],
    ['attraction@140522', '/attraction/deals', '16-attraction-deals', '签约项目'],
    ['statistics@140522', '/statistics', '17-statistics', '入库纳统'], ['funding@140522', '/funding', '18-funding', '政策资金']]) {
    step = what;
    await signIn(user);
    await page.goto(`${base}${path}`);
    await assertReadable(what);
    await shot(file);
    await signOut();
  }
  log('each bureau (approvals, attraction, statistics, funding) signs in and its worklist renders');

  if (consoleErrors.length) throw new Error(`uncaught errors in the page: ${consoleErrors.join(' | ')}`);
  for (const n of notes) console.log(`note ${n}`);
  console.log(`PASS console e2e (${shots})`);
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  process.exit(0);
} catch (e) {
  console.error(`FAIL at "${step}": ${e instanceof Error ? e.message : e}`);
  console.error(`  url: ${page.url()}`);
  const text = await page.locator('body').innerText().catch(() => '');
  console.error(`  page text: ${text.slice(0, 1500).replace(/\s+/g, ' ')}`);
  await page.screenshot({ path: join(shots, 'failure.png'), fullPage: true }).catch(() => {});
  await context.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
  process.exit(1);
}
