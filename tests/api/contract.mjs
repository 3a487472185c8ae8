// contract.mjs — the API against its own contract.
//
// Starts gongkai on a demo database, fetches /api/v1/openapi.json, checks it
// with a standard validator (@apidevtools/swagger-parser), then calls every
// documented operation — with its path filled from the demo data, with each
// declared query parameter, anonymously and as a signed-in member of staff,
// and in the ways that should fail (unknown ids, bad parameters, no
// sign-in); then every write operation with an API token and without one —
// and validates every answer against the schema the document
// declares for its status (ajv).  A status the operation does not declare
// is a failure unless it is an error in the shape of the default Error
// response.  Ends with "api-contract: N passed, N failed".
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv from 'ajv';
import { serveGongkai } from '../serve.mjs';

const BIN = process.env.GONGKAI_BIN || './gongkai';
const PASSWORD = 'gongkai-demo-2026';
let passed = 0;
let failed = 0;

function check(name, ok, detail = '') {
  if (ok) { passed++; console.log(`PASS ${name}`); }
  else { failed++; console.log(`FAIL ${name} ${String(detail).slice(0, 600)}`); }
}

async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'gk-contract-'));
  const db = join(dir, 'gk.db');
  execFileSync(BIN, ['init', '--db', db], { stdio: 'pipe' });
  execFileSync(BIN, ['demo', '--db', db], { stdio: 'pipe' });
  const { base, proc } = await serveGongkai(BIN, db);
  return { base, dir, db, proc };
}

// Signs in through the form; returns the Cookie header of the session.
async function signIn(base, login) {
  const page = await fetch(base + '/login');
  const csrfCookie = (page.headers.getSetCookie() || []).map((c) => c.split(';')[0]).join('; ');
  const token = (await page.text()).match(/name="_csrf" value="([^"]+)"/)[1];
  const r = await fetch(base + '/login', {
    method: 'POST', redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrfCookie, Origin: base },
    body: new URLSearchParams({ _csrf: token, login, password: PASSWORD }),
  });
  return (r.headers.getSetCookie() || []).map((c) => c.split(';')[0]).join('; ');
}

// An example value for a parameter from its schema and the demo data.
function example(p, demo) {
  if (demo[p.name] !== undefined) return demo[p.name];
  const s = p.schema || {};
  if (s.enum) return s.enum[s.enum.length - 1];
  if (s.type === 'integer') return String(s.minimum ?? 1);
  return '1';
}

// A resident identity number: 17 digits and their GB 11643 check character.
function residentId(d17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...d17].reduce((a, c, i) => a + Number(c) * w[i], 0);
  return d17 + '10X98765432'[sum % 11];
}

function fillPath(path, params, demo) {
  return path.replace(/\{([^}]+)\}/g, (_, n) => {
    const p = params.find((q) => q.name === n && q.in === 'path') || { name: n, schema: {} };
    return encodeURI(String(example(p, demo))).replace(/%2F/gi, '/');
  });
}

async function main() {
  const srv = await startServer();
  try {
    await run(srv.base, srv.db);
  } finally {
    srv.proc.kill();
    rmSync(srv.dir, { recursive: true, force: true });
  }
  console.log(`api-contract: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

// Validates one answer against the operation's declared response.
function validate(ajv, op, label, status, type, body) {
  const resp = op.responses[String(status)] || (status >= 400 ? op.responses.default : null);
  if (!resp) { check(`${label}: status ${status} is declared`, false, body.slice(0, 200)); return; }
  const media = Object.keys(resp.content || {});
  const json = media.find((m) => m === 'application/json');
  if (!json) {
    check(`${label}: ${status} ${type}`, media.some((m) => type.startsWith(m.split(';')[0])), type);
    return;
  }
  let data;
  try { data = JSON.parse(body); } catch (e) { check(`${label}: JSON body`, false, body.slice(0, 200)); return; }
  const v = ajv.compile(resp.content[json].schema);
  check(`${label}: ${status} fits its schema`, v(data), JSON.stringify(v.errors).slice(0, 400));
}

async function run(base, db) {
  const raw = await (await fetch(base + '/api/v1/openapi.json')).json();
  let doc;
  try {
    await SwaggerParser.validate(structuredClone(raw));
    check('openapi.json is valid OpenAPI 3.0 (swagger-parser)', true);
  } catch (e) {
    check('openapi.json is valid OpenAPI 3.0 (swagger-parser)', false, e.message);
  }
  doc = await SwaggerParser.dereference(structuredClone(raw));
  const ajv = new Ajv({ strict: false, allErrors: true });
  const staff = await signIn(base, 'office');
  const token = issueToken(db);
  check('staff sign-in for the contract test', staff.includes('gk_session'), staff);

  // Demo values for path and required parameters.
  const docs = await (await fetch(base + '/api/v1/documents?per_page=1')).json();
  const apps = await (await fetch(base + '/api/v1/applications', { headers: { Cookie: staff } })).json();
  const demo = {
    org: 'znwsj', year: '2024', q: '公开', ref: docs.documents[0].index_number,
    id: String((apps.applications || [{ id: 1 }])[0].id), file: 'documents.csv', f: 'open',
  };
  const bad = { org: 'no-such-org', year: '1800', ref: '999999999', id: '999999999', file: 'nosuch.csv', q: '' };

  let nOps = 0;
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (method !== 'get') continue;  // the write API has its own HTTP tests
      nOps++;
      const params = op.parameters || [];
      const needsStaff = (op.security || []).some((s) => s.session || s.token);
      const headers = needsStaff ? { Cookie: staff } : {};
      const required = params.filter((p) => p.in === 'query' && p.required);
      const query = (extra) => {
        const u = new URLSearchParams();
        for (const p of required) u.set(p.name, example(p, demo));
        for (const [k, v] of Object.entries(extra || {})) u.set(k, v);
        const s = u.toString();
        return s ? '?' + s : '';
      };
      const url = fillPath(path, params, demo);
      const call = async (label, u, h) => {
        const r = await fetch(base + u, { headers: h });
        validate(ajv, op, `${method.toUpperCase()} ${path} ${label}`, r.status,
          r.headers.get('content-type') || '', await r.text());
        return r;
      };
      const r = await call('(demo data)', url + query(), headers);
      check(`GET ${path}: answers 200 on the demo data`, r.status === 200, `status ${r.status}`);
      if (!needsStaff) {
        check(`GET ${path}: CORS for public reads`, r.headers.get('access-control-allow-origin') === '*');
        const etag = r.headers.get('etag');
        if (etag) {
          const r304 = await fetch(base + url + query(), { headers: { 'If-None-Match': etag } });
          check(`GET ${path}: If-None-Match gives 304`, r304.status === 304, `status ${r304.status}`);
        }
      }
      for (const p of params.filter((q) => q.in === 'query' && !q.required))
        await call(`?${p.name}=`, url + query({ [p.name]: example(p, demo) }), headers);
      // The ways to fail that the operation declares.
      if (op.responses['404'] && params.some((p) => p.in === 'path'))
        await call('(unknown record)', fillPath(path, params, { ...demo, ...bad }) + query(), headers);
      if (op.responses['400']) {
        const intParam = params.find((p) => p.in === 'query' && p.schema && p.schema.type === 'integer');
        if (intParam) await call(`(bad ${intParam.name})`, url + query({ [intParam.name]: 'x' }), headers);
        else if (required.length) await call('(missing parameter)', url, headers);
      }
      if (needsStaff) {
        const rt = await call('(API token)', url + query(), { Authorization: `Bearer ${token}` });
        check(`GET ${path}: answers a token holder`, rt.status === 200, `status ${rt.status}`);
        const r401 = await call('(anonymous)', url + query(), {});
        check(`GET ${path}: refuses anonymous callers`, r401.status === 401, `status ${r401.status}`);
      }
      if (op.responses['422'] && params.some((p) => p.name === 'f'))
        await call('(bad filter)', url + query({ f: 'bad' }), headers);
    }
  }
  check(`every documented GET operation was called (${nOps})`, nOps >= 12, String(nOps));
  await runPosts(base, db, doc, ajv);
}

// The write operations, called with an API token (and once without).
// An API token of the bureau for the staff operations (view_staff, app_handle).
function issueToken(db) {
  const out = execFileSync(BIN, ['token', 'add', '--org', 'znwsj', '--name', '合约测试',
    '--perms', 'view_staff,app_handle', '--db', db], { env: { ...process.env, GONGKAI_CONFIG: 'none' } }).toString();
  const m = out.match(/gk_[A-Za-z0-9_-]+/);
  check('an API token is issued', !!m, out);
  return m ? m[0] : '';
}

async function runPosts(base, db, doc, ajv) {
  const auth = { Authorization: `Bearer ${issueToken(db)}`, 'Content-Type': 'application/json' };
  const post = async (op, label, url, headers, body) => {
    const r = await fetch(base + url, { method: 'POST', headers, body, redirect: 'manual' });
    validate(ajv, op, `POST ${label}`, r.status, r.headers.get('content-type') || '', await r.text());
    return r;
  };
  const reg = doc.paths['/api/v1/applications'] && doc.paths['/api/v1/applications'].post;
  let appId = 0;
  if (reg) {
    const good = {
      channel: 'online', event_day: '2026-03-02', applicant_type: 'natural_person',
      name: '合约测试申请人', id_kind: 'resident_id', id_number: residentId('64052119790202003'),
      phone: '13995550001', address: '宁夏中宁县宁安镇', postcode: '755100',
      info_title: '2025年度卫生监督抽检结果', form: 'electronic', delivery: 'email',
      email: 'applicant@example.com',
    };
    const r401 = await post(reg, '/api/v1/applications (anonymous)', '/api/v1/applications',
      { 'Content-Type': 'application/json' }, JSON.stringify(good));
    check('POST /api/v1/applications refuses anonymous callers', r401.status === 401, `status ${r401.status}`);
    const bad = await post(reg, '/api/v1/applications (missing fields)', '/api/v1/applications', auth, '{}');
    check('POST /api/v1/applications refuses an empty registration', bad.status >= 400 && bad.status < 500,
      `status ${bad.status}`);
    const r = await fetch(base + '/api/v1/applications', { method: 'POST', headers: auth, body: JSON.stringify(good) });
    const text = await r.text();
    validate(ajv, reg, 'POST /api/v1/applications (token)', r.status, r.headers.get('content-type') || '', text);
    check('POST /api/v1/applications registers with a token (201)', r.status === 201, `${r.status} ${text.slice(0, 300)}`);
    try { appId = JSON.parse(text).id; } catch { appId = 0; }
  }
  for (const [path, item] of Object.entries(doc.paths)) {
    const op = item.post;
    if (!op || path === '/api/v1/applications') continue;
    const url = path.replace('{id}', String(appId || 999999999));
    const body = path.endsWith('/check')
      ? JSON.stringify({ format: '2021', year: 2024, tables: {} }) : '{}';
    await post(op, `${path} (anonymous)`, url, { 'Content-Type': 'application/json' }, body);
    await post(op, `${path} (token)`, url, auth, body);
  }
}


main().catch((e) => { console.log(`FAIL contract test crashed: ${e.stack}`); console.log(`api-contract: ${passed} passed, ${failed + 1} failed`); process.exit(1); });
