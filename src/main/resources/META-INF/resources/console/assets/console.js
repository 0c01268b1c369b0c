// The Affectra console: every page is a client of the /v1 JSON API. Nothing here is fetched from anywhere else.
'use strict';

const KEY = 'affectra.apiKey';
const SVG = 'http://www.w3.org/2000/svg';

// ---- DOM helpers (text always goes in as text, never as markup) ----

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

function table(caption, heads, rows, attrs) {
  return h('table', attrs, caption ? h('caption', null, caption) : null,
    h('thead', null, h('tr', null, heads.map(x => h('th', { scope: 'col' }, x)))),
    h('tbody', null, rows));
}

const fmt = {
  num(v, d = 3) { return v === null || v === undefined || Number.isNaN(v) ? '–' : Number(v).toFixed(d); },
  pct(v) { return v === null || v === undefined ? '–' : (100 * v).toFixed(1) + ' %'; },
  ms(v) { return v === null || v === undefined ? '–' : v + ' ms'; },
  time(v) { return v ? new Date(v).toLocaleString() : '–'; },
  secs(ms) { return (ms / 1000).toFixed(1) + ' s'; },
};

// ---- API access: the key lives in sessionStorage and goes out as a bearer header only ----

function apiKey() { return sessionStorage.getItem(KEY); }

function headers(extra) {
  const out = Object.assign({}, extra || {});
  const key = apiKey();
  if (key) out.Authorization = 'Bearer ' + key;
  return out;
}

class ApiError extends Error {
  constructor(status, body) {
    super((body && (body.detail || (body.error && body.error.message) || body.title)) || ('HTTP ' + status));
    this.status = status;
    this.body = body;
  }
}

async function api(path, options) {
  const opts = Object.assign({}, options || {});
  opts.headers = headers(Object.assign({ Accept: 'application/json' }, opts.headers || {}));
  const res = await fetch(path, opts);
  const text = await res.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = { detail: text }; }
  if (res.status === 401) askForKey(res.status, body);
  if (!res.ok) throw new ApiError(res.status, body);
  return body;
}

// Server-sent events over fetch, because EventSource cannot send an Authorization header.
async function events(path, onEvent, signal) {
  const res = await fetch(path, { headers: headers({ Accept: 'text/event-stream' }), signal });
  if (res.status === 401) askForKey(401, null);
  if (!res.ok || !res.body) throw new ApiError(res.status, null);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let cut;
    while ((cut = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut).replace(/^\r?\n\r?\n/, '');
      let name = 'message';
      const data = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length === 0) continue;
      let parsed;
      try { parsed = JSON.parse(data.join('\n')); } catch (e) { parsed = data.join('\n'); }
      if (onEvent(name, parsed) === false) { reader.cancel(); return; }
    }
  }
}

function showError(e) {
  const box = document.getElementById('alert');
  box.hidden = false;
  fill(box, e instanceof ApiError ? `${e.status}: ${e.message}` : String(e.message || e));
}

function clearError() {
  const box = document.getElementById('alert');
  box.hidden = true;
  box.replaceChildren();
}

function askForKey(status) {
  const state = document.getElementById('key-state');
  fill(state, apiKey() ? 'The server refused this key: enter another one.' : 'This server needs an API key: enter it to continue.');
  document.getElementById('key-form').classList.add('needed');
  document.getElementById('api-key').focus();
}

function setUpKeyForm() {
  const form = document.getElementById('key-form');
  const input = document.getElementById('api-key');
  const state = document.getElementById('key-state');
  const show = () => fill(state, apiKey() ? 'Key set for this tab.' : 'No key set.');
  show();
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    const key = input.value.trim();
    if (!key) return;
    sessionStorage.setItem(KEY, key);
    input.value = '';
    form.classList.remove('needed');
    show();
    clearError();
    start();
  });
  document.getElementById('key-forget').addEventListener('click', () => {
    sessionStorage.removeItem(KEY);
    show();
  });
}

// ---- Analysis result view ----

function topUnits(face, n = 3) {
  return (face.actionUnits || []).slice().sort((a, b) => b.intensity - a.intensity).slice(0, n).filter(u => u.intensity > 0)
    .map(u => (u.facs || u.name).split(/[\s(]/)[0]); // "AU5 (wide) vs AU7/AU43 (narrow)" -> "AU5"
}

// Whom a cue is about: its subject, else the face or person its id starts with (F2.au.brow_raise -> F2).
function cueSubject(result, cue) {
  if (cue.subject) return cue.subject;
  const who = [...(result.faces || []), ...(result.bodies || [])].find(x => (cue.id || '').startsWith(x.id + '.'));
  return who ? who.id : null;
}

function cueRegion(result, cue) {
  if (cue.region) return cue.region;
  const subject = cueSubject(result, cue);
  const who = [...(result.faces || []), ...(result.bodies || [])].find(x => x.id === subject);
  return who ? who.box : null;
}

function highlight(result, cueId, on) {
  document.querySelectorAll('.cue-hl').forEach(el => el.remove());
  document.querySelectorAll('[data-cue].active, [data-subject].active').forEach(el => el.classList.remove('active'));
  if (!on) return;
  const svg = document.querySelector('#figure svg');
  const cue = (result.cues || []).find(c => c.id === cueId);
  document.querySelectorAll(`[data-cue="${CSS.escape(cueId)}"]`).forEach(el => el.classList.add('active'));
  if (!svg || !cue) return;
  // The face's landmarks or the person's skeleton light up with the region.
  const subject = cueSubject(result, cue);
  if (subject) svg.querySelectorAll(`[data-subject="${CSS.escape(subject)}"]`).forEach(el => el.classList.add('active'));
  const r = cueRegion(result, cue);
  if (!r) return;
  svg.append(s('rect', { class: 'cue-hl', x: r.x, y: r.y, width: r.width, height: r.height }));
}

function cueLink(result, id) {
  const known = (result.cues || []).some(c => c.id === id);
  const a = h('a', { href: '#cue-' + id, class: 'cue-link' + (known ? '' : ' unknown'), 'data-cue': id }, id);
  a.addEventListener('mouseenter', () => highlight(result, id, true));
  a.addEventListener('mouseleave', () => highlight(result, id, false));
  a.addEventListener('focus', () => highlight(result, id, true));
  a.addEventListener('blur', () => highlight(result, id, false));
  return a;
}

// The picture under the boxes: the image itself, a pixelated copy (de-identified), or a blank canvas (stored analyses).
function backdrop(result, image, mode) {
  const w = result.media.width, hgt = result.media.height;
  if (mode === 'image') return h('img', { src: image, alt: 'The analysed image', width: w, height: hgt, class: 'media' });
  const canvas = h('canvas', { width: w, height: hgt, class: 'media ' + mode, role: 'img',
    'aria-label': mode === 'pixelated' ? 'The analysed image, pixelated' : `A blank canvas of the media's size, ${w} by ${hgt}` });
  const ctx = canvas.getContext('2d');
  if (mode === 'blank') {
    ctx.fillStyle = '#e8e8ec';
    ctx.fillRect(0, 0, w, hgt);
    return canvas;
  }
  const img = new Image();
  img.onload = () => {
    const block = Math.max(8, Math.round(Math.max(w, hgt) / 48));
    const sw = Math.max(1, Math.round(w / block)), sh = Math.max(1, Math.round(hgt / block));
    const small = document.createElement('canvas');
    small.width = sw; small.height = sh;
    small.getContext('2d').drawImage(img, 0, 0, sw, sh);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(small, 0, 0, sw, sh, 0, 0, w, hgt);
    canvas.dataset.ready = 'true';
  };
  img.src = image;
  return canvas;
}

// Lines through named face landmarks: brows, eyes, the nose's ridge, the lips. Only the points are the API's.
const FACE_OUTLINES = [
  ['rightBrowOuter', 'rightBrowMid', 'rightBrowInner'], ['leftBrowInner', 'leftBrowMid', 'leftBrowOuter'],
  ['rightEyeOuter', 'rightEyeUpper', 'rightEyeInner', 'rightEyeLower', 'rightEyeOuter'],
  ['leftEyeInner', 'leftEyeUpper', 'leftEyeOuter', 'leftEyeLower', 'leftEyeInner'],
  ['noseBridge', 'noseTip'], ['mouthRight', 'upperLipTop', 'mouthLeft', 'lowerLipBottom', 'mouthRight'],
];

function landmarks(face, stroke) {
  const at = face.landmarks || {};
  const out = [];
  for (const line of FACE_OUTLINES) {
    if (line.every(n => at[n])) out.push(s('polyline', { class: 'contour', points: line.map(n => at[n].join(',')).join(' ') }));
  }
  for (const [name, [x, y]] of Object.entries(at)) {
    out.push(s('circle', { class: 'landmark', 'data-landmark': name, cx: x, cy: y, r: Math.max(1.5, stroke * 0.8) }));
  }
  return out;
}

// A person's pose: the skeleton's edges where both keypoints are seen (score >= skeleton.minScore), the seen
// keypoints, and each hand's bones.
function bodyGroup(body, skeleton, stroke) {
  const min = skeleton.minScore;
  const at = Object.fromEntries(body.keypoints.map(k => [k.part, k]));
  const seen = k => k && k.score >= min;
  const g = s('g', { class: 'body', id: 'body-' + body.id, 'data-subject': body.id, 'clip-path': 'url(#media-clip)' },
    s('title', null, `${body.id}: pose score ${fmt.num(body.score, 2)}, ${(body.hands || []).length} hand(s)`));
  for (const [a, b] of skeleton.pose) {
    if (seen(at[a]) && seen(at[b])) g.append(s('line', { class: 'bone', 'data-edge': `${a}-${b}`, x1: at[a].x, y1: at[a].y, x2: at[b].x, y2: at[b].y }));
  }
  for (const k of body.keypoints) {
    if (seen(k)) g.append(s('circle', { class: 'joint', 'data-part': k.part, cx: k.x, cy: k.y, r: stroke * 1.6 }));
  }
  for (const hand of body.hands || []) {
    const p = hand.points;
    g.append(s('g', { class: 'hand', 'data-wrist': hand.wrist },
      skeleton.hand.filter(([a, b]) => p[a] && p[b]).map(([a, b]) => s('line', { class: 'hand-bone', x1: p[a][0], y1: p[a][1], x2: p[b][0], y2: p[b][1] }))));
  }
  return g;
}

function drawing(result, image, mode) {
  const w = result.media.width, hgt = result.media.height;
  const stroke = Math.max(2, Math.round(Math.max(w, hgt) / 400));
  const font = Math.max(12, Math.round(Math.max(w, hgt) / 70));
  const svg = s('svg', { viewBox: `0 0 ${w} ${hgt}`, preserveAspectRatio: 'none', role: 'group', 'aria-label': 'Detected regions',
    style: `--stroke:${stroke}px; --font:${font}px` });
  for (const cue of result.cues || []) {
    if (!cue.region || (result.faces || []).some(f => f.id === cue.subject)) continue;
    const r = cue.region;
    svg.append(s('rect', { class: 'cue-region', 'data-cue': cue.id, x: r.x, y: r.y, width: r.width, height: r.height },
      s('title', null, `${cue.id}: ${cue.label}`)));
  }
  const bodies = result.skeleton ? result.bodies || [] : [];
  // A part the pose model places beyond the frame (a knee below the bottom edge) keeps its place in the API, but is
  // not drawn off the picture.
  svg.append(s('defs', null, s('clipPath', { id: 'media-clip' }, s('rect', { x: 0, y: 0, width: w, height: hgt }))));
  for (const body of bodies) svg.append(bodyGroup(body, result.skeleton, stroke));
  for (const face of result.faces || []) {
    const b = face.box;
    const units = topUnits(face);
    const label = [face.id, face.expression ? face.expression.label : null, units.join(' ')].filter(Boolean).join(' · ');
    const g = s('g', { class: 'face', id: 'face-' + face.id, 'data-face': face.id, 'data-subject': face.id });
    g.append(s('rect', { class: 'face-box', x: b.x, y: b.y, width: b.width, height: b.height, 'data-face': face.id }, s('title', null, label)));
    g.append(...landmarks(face, stroke));
    const ty = b.y > font * 1.4 ? b.y - font * 0.4 : b.y + b.height + font;
    // Labels of faces in the right half grow leftwards, so that they stay over the picture.
    const right = b.x + b.width / 2 > w / 2;
    g.append(s('text', { class: 'face-label', x: right ? b.x + b.width : b.x, y: ty, 'text-anchor': right ? 'end' : 'start' }, label));
    svg.append(g);
  }
  // A clip has face tracks instead of faces: each is drawn where it was last seen.
  const tracks = (result.temporal && result.temporal.faceTracks) || [];
  for (const t of tracks) {
    if (!t.lastBox) continue;
    const b = t.lastBox;
    const label = `${t.id} · ${t.label || ''} · ${fmt.secs(t.firstSeenMs)}–${fmt.secs(t.lastSeenMs)}`;
    svg.append(s('g', { class: 'face track', id: 'face-' + t.id, 'data-face': t.id },
      s('rect', { class: 'face-box', x: b.x, y: b.y, width: b.width, height: b.height, 'data-face': t.id }, s('title', null, label)),
      s('text', { class: 'face-label', x: b.x, y: b.y > font * 1.4 ? b.y - font * 0.4 : b.y + b.height + font }, label)));
  }
  const figure = h('figure', { id: 'figure', class: 'drawing' }, h('div', { class: 'stage' }, backdrop(result, image, mode), svg));
  const hands = bodies.reduce((n, b) => n + (b.hands || []).length, 0);
  const what = tracks.length ? `${tracks.length} face track(s), each at its last position` :
    ((result.privacy && result.privacy.deidentified) ? 'faces not read (de-identified)' : `${(result.faces || []).length} face(s) boxed with their landmarks`) +
    (bodies.length ? `; ${bodies.length} pose skeleton(s) and ${hands} hand(s)` : '');
  figure.append(h('figcaption', null,
    `${result.media.type}, ${w} × ${hgt} px; ${what}` +
    (mode === 'blank' ? '. Media is never stored (and a clip is not redrawn), so the boxes are drawn on a blank canvas of the media\'s size.' :
      mode === 'pixelated' ? '. De-identified: the picture is shown pixelated.' : '.')));
  return figure;
}

// "[F2.expr]" in a reasoning text becomes a link to that cue, when the result has it.
function linkCues(result, text) {
  const known = new Set((result.cues || []).map(c => c.id));
  return text.split(/\[([^\[\]\s]+)\]/).map((part, i) => i % 2 === 0 ? part : known.has(part) ? ['[', cueLink(result, part), ']'] : `[${part}]`);
}

function answerSection(result) {
  const a = result.answer || {};
  const probs = Object.entries(a.probabilities || {}).sort((x, y) => y[1] - x[1]);
  return h('section', { class: 'panel', 'aria-labelledby': 'answer-h' },
    h('h2', { id: 'answer-h' }, 'Answer'),
    h('p', { class: 'answer' }, h('strong', { id: 'answer-label' }, a.label || '–'), ` (confidence ${fmt.num(a.confidence, 2)})`),
    a.reasoning ? h('p', { id: 'answer-reasoning' }, linkCues(result, a.reasoning)) : null,
    h('p', null, 'Cited cues: ', (a.cueIds || []).length ? (a.cueIds || []).map((id, i) => [i ? ', ' : '', cueLink(result, id)]) : 'none'),
    probs.length ? table('Probabilities', ['label', 'probability'], probs.map(([k, v]) => h('tr', null, h('td', null, k), h('td', null, fmt.num(v))))) : null,
    h('p', { class: 'meta' }, `Backend ${result.backend}${result.model ? ' (' + result.model + ')' : ''}, strategy ${result.strategy}, prompt ${result.prompt ? result.prompt.id + '@' + result.prompt.version : '–'}` +
      (result.usage ? `, ${result.usage.promptTokens} + ${result.usage.completionTokens} tokens` : '')));
}

function facesSection(result) {
  if (!(result.faces || []).length) return null;
  return h('section', { class: 'panel' }, h('h2', null, 'Faces'),
    table(null, ['face', 'expression', 'score', 'top action units', 'box (x, y, w, h)'], result.faces.map(f => h('tr', null,
      h('th', { scope: 'row' }, f.id), h('td', null, f.expression ? f.expression.label : '–'), h('td', null, f.expression ? fmt.num(f.expression.score, 2) : '–'),
      h('td', null, topUnits(f).join(', ') || '–'), h('td', null, [f.box.x, f.box.y, f.box.width, f.box.height].map(v => Math.round(v)).join(', '))))));
}

function bodiesSection(result) {
  if (!(result.bodies || []).length) return null;
  const min = result.skeleton ? result.skeleton.minScore : 0;
  return h('section', { class: 'panel' }, h('h2', null, 'People (pose and hands)'),
    table(null, ['person', 'pose score', 'keypoints seen', 'hands', 'box (x, y, w, h)'], result.bodies.map(b => h('tr', null,
      h('th', { scope: 'row' }, b.id), h('td', null, fmt.num(b.score, 2)), h('td', null, `${b.keypoints.filter(k => k.score >= min).length} of ${b.keypoints.length}`),
      h('td', null, (b.hands || []).map(x => x.wrist.replace('Wrist', '')).join(', ') || 'none'),
      h('td', null, [b.box.x, b.box.y, b.box.width, b.box.height].map(v => Math.round(v)).join(', '))))));
}

function cuesSection(result) {
  return h('section', { class: 'panel' }, h('h2', null, `Cues (${(result.cues || []).length})`),
    table(null, ['id', 'modality', 'type', 'label', 'score', 'time'], (result.cues || []).map(c => h('tr', { id: 'cue-' + c.id },
      h('th', { scope: 'row' }, cueLink(result, c.id)), h('td', null, c.modality), h('td', null, c.type), h('td', null, c.label),
      h('td', null, fmt.num(c.score, 2)), h('td', null, c.span ? `${fmt.secs(c.span.startMs)}–${fmt.secs(c.span.endMs)}` : '–'))), { class: 'cues' }));
}

function reasoningSection(result) {
  const r = result.reasoning;
  if (!r) return null;
  const parts = [h('h2', null, 'Reasoning')];
  if ((r.knowledge || []).length) {
    parts.push(h('h3', null, 'Retrieved knowledge'), h('ol', null, r.knowledge.map(k => h('li', null, JSON.stringify(k)))));
  }
  if (r.verification) {
    const verdicts = (list) => (list || []).length ? h('ul', null, list.map(v => h('li', null, cueLink(result, v.id), ` (${v.kind}): ${v.why}`))) : h('p', null, 'none');
    parts.push(h('h3', null, 'Clue verification (PEP-MEK)'), h('h4', null, 'Kept'), verdicts(r.verification.kept), h('h4', null, 'Dropped'), verdicts(r.verification.dropped));
  }
  for (const step of r.steps || []) {
    parts.push(h('details', { class: 'step' }, h('summary', null, `Step ${step.step} (${step.template ? step.template.id : ''}, ${step.promptTokens} + ${step.completionTokens} tokens)`),
      h('h4', null, 'Prompt'), h('pre', null, step.prompt), h('h4', null, 'Reply'), h('pre', null, step.reply)));
  }
  return h('section', { class: 'panel' }, parts);
}

function privacySection(result) {
  const p = result.privacy;
  const warnings = result.warnings || [];
  if (!(p && p.deidentified) && !warnings.length) return null;
  return h('section', { class: 'panel', id: 'withheld' }, h('h2', null, 'Withheld and warnings'),
    p && p.deidentified ? [h('p', null, 'De-identified mode: these were withheld.'), h('ul', null, (p.withheld || []).map(w => h('li', null, w)))] : null,
    warnings.length ? h('ul', { class: 'warnings' }, warnings.map(w => h('li', null, w))) : null);
}

// One lane per kind of timed thing, bands across the clip's length.
function timelineSection(result, clipUrl) {
  const t = result.temporal;
  if (!t) return null;
  const total = result.media.durationMs || Math.max(1, ...(t.timeline || []).map(w => w.endMs));
  const width = 1000, lane = 28, pad = 110;
  const gesture = g => ({ start: g.startMs, end: g.endMs, text: g.gesture, cls: (g.posture ? 'posture' : 'gesture') + (g.nfblGroup ? ' nfbl-' + g.nfblGroup : ''),
    title: `${g.gesture} (${g.person}${g.nfblGroup ? ', NFBL group ' + g.nfblGroup : ''}, confidence ${fmt.num(g.confidence, 2)})` });
  const lanes = [
    ['Windows', (t.timeline || []).map(w => ({ start: w.startMs, end: w.endMs, text: w.answer ? `${w.answer.label} ${fmt.num(w.answer.confidence, 2)}` : '', cls: 'window' }))],
    // A lane per face track (they overlap in time), the ninth and later ones together.
    ...faceLanes(t.faceTracks || []),
    ['Gestures', (t.gestures || []).filter(g => !g.posture).map(gesture)],
    ['Postures', (t.gestures || []).filter(g => g.posture).map(gesture)],
    ['Voice', ((t.voice && t.voice.segments) || []).map(v => ({ start: v.startMs, end: v.endMs, text: `${fmt.num(v.f0MeanHz, 0)} Hz ${fmt.num(v.energyDb, 0)} dB`, cls: 'voice',
      title: `speech: pitch ${fmt.num(v.f0MeanHz, 0)} Hz (range ${fmt.num(v.f0RangeSt, 1)} semitones), level ${fmt.num(v.energyDb, 1)} dBFS, ${fmt.num(v.syllableRate, 1)} syllables/s` }))],
    ['Transcript', (t.transcript || []).map(x => ({ start: x.startMs, end: x.endMs, text: x.text, cls: 'sentence' }))],
  ];
  const x = ms => pad + (width - pad) * ms / total;
  const height = lanes.length * lane + 20;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'timeline', role: 'img', 'aria-label': 'Timeline of the clip' });
  lanes.forEach(([name, bands], i) => {
    const y = i * lane;
    svg.append(s('text', { x: 4, y: y + 18, class: 'lane' }, name));
    for (const b of bands) {
      svg.append(s('g', { class: 'band ' + b.cls },
        s('rect', { x: x(b.start), y: y + 4, width: Math.max(1, x(b.end) - x(b.start)), height: lane - 8 }, s('title', null, `${fmt.secs(b.start)}–${fmt.secs(b.end)} ${b.title || b.text}`)),
        b.text && x(b.end) - x(b.start) > 40 ? s('text', { x: x(b.start) + 3, y: y + 18 }, b.text.slice(0, Math.floor((x(b.end) - x(b.start)) / 7))) : null));
    }
  });
  svg.append(s('text', { x: pad, y: lanes.length * lane + 14, class: 'lane' }, '0 s'));
  svg.append(s('text', { x: width - 50, y: lanes.length * lane + 14, class: 'lane' }, fmt.secs(total)));
  const preview = clipUrl && result.media.width > 0 ? framePreview(result, clipUrl, svg, ms => x(ms), px => (px - pad) / (width - pad) * total, total, height) : null;
  return h('section', { class: 'panel' }, h('h2', null, 'Timeline'), svg, preview,
    table('Windows', ['window', 'from', 'to', 'answer', 'confidence'], (t.timeline || []).map(w => h('tr', null,
      h('td', null, w.index), h('td', null, fmt.secs(w.startMs)), h('td', null, fmt.secs(w.endMs)), h('td', null, w.answer ? w.answer.label : '–'),
      h('td', null, w.answer ? fmt.num(w.answer.confidence, 2) : '–')))));
}

function faceLanes(tracks) {
  const band = f => ({ start: f.firstSeenMs, end: f.lastSeenMs, text: `${f.id} ${f.label || ''}`, cls: 'face',
    title: `${f.id}: ${f.label || 'no expression'} over ${f.frames} frames` });
  const lanes = tracks.slice(0, 8).map(f => [`Face ${f.id}`, [band(f)]]);
  if (tracks.length > 8) lanes.push(['More faces', tracks.slice(8).map(band)]);
  return lanes.length ? lanes : [['Faces', []]];
}

// The frame under the timeline's cursor, from the clip the user picked (it never leaves the browser again); pixelated
// as a whole in de-identified mode, since no face boxes came back to blur by. Arrow keys move the cursor too.
function framePreview(result, clipUrl, svg, toX, toMs, total, height) {
  const deidentified = !!(result.privacy && result.privacy.deidentified);
  const w = 320, hgt = Math.round(w * result.media.height / result.media.width);
  const video = h('video', { src: clipUrl, preload: 'auto', class: 'offscreen', 'aria-hidden': 'true' });
  video.muted = true;
  const canvas = h('canvas', { id: 'timeline-frame', width: w, height: hgt, class: 'frame', role: 'img',
    'aria-label': deidentified ? 'The moment under the cursor, pixelated' : 'The frame under the cursor' });
  const caption = h('p', { id: 'timeline-frame-time', class: 'meta' }, 'Point at the timeline (or focus it and use the arrow keys) to see that moment of the clip.');
  const cursor = s('line', { x1: toX(0), x2: toX(0), y1: 0, y2: height - 20, class: 'cursor' });
  svg.append(cursor);
  svg.setAttribute('tabindex', '0');
  let wanted = 0, seeking = false;
  const draw = () => {
    const ctx = canvas.getContext('2d');
    if (deidentified) {
      const small = document.createElement('canvas');
      small.width = Math.max(1, Math.round(w / 16)); small.height = Math.max(1, Math.round(hgt / 16));
      small.getContext('2d').drawImage(video, 0, 0, small.width, small.height);
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(small, 0, 0, small.width, small.height, 0, 0, w, hgt);
    } else {
      ctx.drawImage(video, 0, 0, w, hgt);
    }
    const ms = Math.round(video.currentTime * 1000);
    canvas.dataset.ms = String(ms);
    fill(caption, `${fmt.secs(ms)} of ${fmt.secs(total)}`);
  };
  video.addEventListener('seeked', () => {
    draw();
    seeking = false;
    if (Math.abs(video.currentTime * 1000 - wanted) > 40) seek(wanted);
  });
  const seek = ms => {
    wanted = Math.max(0, Math.min(total, ms));
    cursor.setAttribute('x1', toX(wanted));
    cursor.setAttribute('x2', toX(wanted));
    if (seeking || video.readyState < 1) return;
    seeking = true;
    video.currentTime = wanted / 1000;
  };
  video.addEventListener('loadedmetadata', () => seek(wanted));
  svg.addEventListener('mousemove', ev => {
    const r = svg.getBoundingClientRect();
    seek(toMs((ev.clientX - r.left) * 1000 / r.width));
  });
  svg.addEventListener('keydown', ev => {
    const step = total / 50;
    if (ev.key === 'ArrowRight') seek(wanted + step);
    else if (ev.key === 'ArrowLeft') seek(wanted - step);
    else return;
    ev.preventDefault();
  });
  return h('figure', { class: 'frame-preview' }, canvas, h('figcaption', null, caption), video);
}

/** @param clip the object URL of the clip the user picked (for the timeline's frames), or null */
function renderResult(container, result, image, stored, clip = null) {
  let mode = 'blank';
  if (!stored && image) mode = result.privacy && result.privacy.deidentified ? 'pixelated' : 'image';
  const visual = result.media && result.media.width > 0 && result.media.height > 0;
  fill(container,
    h('p', { class: 'meta' }, `Analysis `, h('a', { href: '/console/analyses/' + encodeURIComponent(result.id) }, result.id), `, ${fmt.time(result.createdAt)}`),
    h('div', { class: 'result-grid' }, visual ? drawing(result, image, mode) : h('p', null, 'No picture: this media has no video.'), answerSection(result)),
    privacySection(result), timelineSection(result, clip), facesSection(result), bodiesSection(result), cuesSection(result), reasoningSection(result));
}

// ---- Pages ----

async function fillChoices() {
  const [backends, strategies] = await Promise.all([api('/v1/backends'), api('/v1/strategies')]);
  const b = document.getElementById('backend');
  // Called again once a key is entered: keep only the "default" entries.
  for (const select of [b, document.getElementById('strategy')]) while (select.options.length > 1) select.remove(1);
  for (const x of backends) b.append(h('option', { value: x.name }, `${x.name} (${x.kind}${x.model ? ', ' + x.model : ''})`));
  const st = document.getElementById('strategy');
  for (const x of strategies) st.append(h('option', { value: x.id, title: x.description }, x.id));
}

function analyseOptions() {
  const o = {};
  const backend = document.getElementById('backend').value;
  const strategy = document.getElementById('strategy').value;
  if (backend) o.backend = backend;
  if (strategy) o.strategy = strategy;
  if (document.getElementById('deidentify').checked) o.deidentify = true;
  if (document.getElementById('explain').checked) o.explain = true;
  return o;
}

function pageAnalyse() {
  const form = document.getElementById('analyse-form');
  const out = document.getElementById('result');
  let imageUrl = null;
  let clipUrl = null;
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    clearError();
    const file = document.getElementById('media').files[0];
    if (!file) return;
    const body = new FormData();
    body.append('media', file, file.name);
    const transcript = document.getElementById('transcript').value;
    if (transcript.trim()) body.append('transcript', transcript);
    body.append('options', JSON.stringify(analyseOptions()));
    if (imageUrl) URL.revokeObjectURL(imageUrl);
    imageUrl = file.type.startsWith('image/') ? URL.createObjectURL(file) : null;
    if (clipUrl) URL.revokeObjectURL(clipUrl);
    clipUrl = file.type.startsWith('video/') ? URL.createObjectURL(file) : null;
    const button = document.getElementById('analyse-submit');
    button.disabled = true;
    fill(out, h('p', null, 'Analysing…'));
    try {
      // Video and audio go through the jobs API: progress as it runs, and no limit on the synchronous length.
      const asJob = !file.type.startsWith('image/');
      const result = asJob ? await runJob(body) : await api('/v1/emotion/analyze', { method: 'POST', body });
      renderResult(out, result, imageUrl, false, clipUrl);
      out.dataset.ready = 'true';
    } catch (e) {
      fill(out);
      showError(e);
    } finally {
      button.disabled = false;
    }
  });
}

async function runJob(body) {
  const box = document.getElementById('job-progress');
  const bar = document.getElementById('job-bar');
  const stage = document.getElementById('job-stage');
  box.hidden = false;
  bar.value = 0;
  const job = await api('/v1/emotion/jobs', { method: 'POST', body });
  let failure = null;
  await events(`/v1/emotion/jobs/${encodeURIComponent(job.id)}/events`, (name, e) => {
    if (e.event === 'progress') {
      bar.value = e.progress || 0;
      fill(stage, `${e.stage || ''} ${fmt.pct(e.progress)}${e.etaMs ? ', about ' + fmt.secs(e.etaMs) + ' left' : ''}`);
    } else if (e.event === 'window') {
      fill(stage, `window ${e.window}: ${e.label} (${fmt.num(e.confidence, 2)})`);
    } else if (e.event === 'completed') {
      bar.value = 1;
      return false;
    } else if (e.event === 'failed') {
      failure = new ApiError(422, { detail: `${e.errorType}: ${e.detail}` });
      return false;
    }
    return true;
  });
  if (failure) throw failure;
  const view = await api(`/v1/emotion/jobs/${encodeURIComponent(job.id)}`);
  fill(stage, 'completed');
  return typeof view.result === 'string' ? JSON.parse(view.result) : view.result;
}

async function pageAnalyses() {
  const list = await api('/v1/analyses?limit=100');
  fill(document.getElementById('analyses'), list.length === 0 ? h('p', null, 'No analyses stored yet.') :
    table('Stored analyses, newest first', ['analysis', 'when', 'media', 'size', 'answer', 'confidence', 'faces', 'cues', 'backend', 'strategy'],
      list.map(a => h('tr', null, h('th', { scope: 'row' }, h('a', { href: '/console/analyses/' + encodeURIComponent(a.id) }, a.id)),
        h('td', null, fmt.time(a.createdAt)), h('td', null, a.mediaType), h('td', null, a.width ? `${a.width} × ${a.height}` : '–'), h('td', null, a.label),
        h('td', null, fmt.num(a.confidence, 2)), h('td', null, a.faceCount), h('td', null, a.cueCount), h('td', null, a.backend), h('td', null, a.strategy)))));
}

async function pageAnalysis(id) {
  const result = await api('/v1/analyses/' + encodeURIComponent(id));
  const out = document.getElementById('result');
  renderResult(out, result, null, true);
  out.dataset.ready = 'true';
}

function statusBadge(status) {
  return h('span', { class: 'status ' + status }, status);
}

async function pageExperiments() {
  const list = await api('/v1/experiments?limit=100');
  fill(document.getElementById('experiments'), list.length === 0 ? h('p', null, 'No experiments yet: submit a spec to POST /v1/experiments.') :
    table('Experiments, newest first', ['experiment', 'name', 'status', 'format', 'trials', 'created', 'completed'],
      list.map(x => h('tr', null, h('th', { scope: 'row' }, h('a', { href: '/console/experiments/' + encodeURIComponent(x.id) }, x.id)),
        h('td', null, x.name), h('td', null, statusBadge(x.status)), h('td', null, x.format), h('td', null, x.trials),
        h('td', null, fmt.time(x.createdAt)), h('td', null, fmt.time(x.completedAt))))));
}

// Numeric leaves of a metrics object by dotted path ("accuracy", "labels.macroF1").
function leaves(obj, prefix = '', out = {}) {
  if (obj === null || obj === undefined) return out;
  if (typeof obj === 'number') { out[prefix] = obj; return out; }
  if (typeof obj !== 'object' || Array.isArray(obj)) return out;
  for (const [k, v] of Object.entries(obj)) leaves(v, prefix ? prefix + '.' + k : k, out);
  return out;
}

function primaryMetric(view) {
  const compared = (view.comparisons || []).flatMap(c => Object.keys(c.metrics || {}));
  if (compared.includes('accuracy')) return 'accuracy';
  if (compared.length) return compared[0];
  const first = (view.cells || []).map(c => Object.keys(leaves(c.metrics)))[0] || [];
  return first.includes('accuracy') ? 'accuracy' : first[0];
}

function renderExperiment(view) {
  const p = view.progress || {};
  fill(document.getElementById('experiment-summary'),
    h('p', null, `${view.name} · `, statusBadge(view.status), ` · format ${view.format} · ${view.dataset ? view.dataset.cases + ' cases' : ''} · baseline ${view.baseline} · ${view.repeats} repeat(s)`),
    h('p', null, h('label', { for: 'exp-bar' }, 'Progress '), h('progress', { id: 'exp-bar', max: p.total || 1, value: p.done || 0 }),
      h('span', { id: 'exp-progress', role: 'status' }, ` ${p.done || 0} of ${p.total || 0} trials${p.errors ? ', ' + p.errors + ' errors' : ''}`)),
    view.cueCache ? h('p', { class: 'meta' }, `Cue cache: ${view.cueCache.hits} hits, ${view.cueCache.misses} misses`) : null,
    (view.gates || []).length ? h('ul', { class: 'gates' }, view.gates.map(g => h('li', { class: g.passed ? 'pass' : 'fail' },
      `${g.passed ? 'passed' : 'failed'}: ${g.gate}`, (g.failures || []).length ? ' (' + g.failures.join('; ') + ')' : ''))) : null,
    view.error ? h('p', { class: 'error' }, view.error) : null);
  const metric = primaryMetric(view);
  const diffs = {};
  for (const c of view.comparisons || []) diffs[c.cell] = (c.metrics || {})[metric];
  const cells = (view.cells || []).slice().sort((a, b) => (leaves(b.metrics)[metric] ?? -1) - (leaves(a.metrics)[metric] ?? -1));
  const rows = cells.map(c => {
    const d = diffs[c.id];
    const sig = d && d.pValueHolm !== undefined && d.pValueHolm !== null && d.pValueHolm < 0.05;
    return h('tr', { 'data-cell': c.id, class: c.id === view.baseline ? 'baseline' : null },
      h('th', { scope: 'row' }, c.id, c.id === view.baseline ? ' (baseline)' : ''), h('td', null, c.label + (c.ablation && !c.label.includes(c.ablation) ? ' ' + c.ablation : '')),
      h('td', null, fmt.num(leaves(c.metrics)[metric])),
      h('td', null, d ? [`${d.difference >= 0 ? '+' : ''}${fmt.num(d.difference)} `, d.ci ? `[${fmt.num(d.ci[0])}, ${fmt.num(d.ci[1])}]` : '',
        sig ? h('abbr', { class: 'sig', title: `significant: Holm-corrected p = ${fmt.num(d.pValueHolm, 4)}` }, ' *') : ''] : '–'),
      h('td', null, d && d.pValueHolm !== undefined ? fmt.num(d.pValueHolm, 4) : '–'),
      h('td', null, c.latencyMs ? fmt.ms(c.latencyMs.p50) : '–'), h('td', null, c.latencyMs ? fmt.ms(c.latencyMs.p95) : '–'),
      h('td', null, `${c.promptTokens} + ${c.completionTokens}`), h('td', null, fmt.pct(c.cacheHitRate)), h('td', null, `${c.trials}${c.errors ? ' (' + c.errors + ' errors)' : ''}`));
  });
  fill(document.getElementById('leaderboard'),
    table(`Cells by ${metric}; difference against the baseline with its 95% interval; * marks a Holm-corrected p below 0.05`,
      ['cell', 'variant | backend | strategy', metric, 'difference [CI]', 'p (Holm)', 'latency p50', 'latency p95', 'tokens', 'cache hits', 'trials'], rows, { id: 'leaderboard-table' }));
}

// One bar per ablated cell: its metric minus the matching un-ablated cell's, with the 95% interval as a whisker.
function renderAblations(list, metric) {
  const rows = list.map(a => ({ a, d: (a.metrics || {})[metric] })).filter(x => x.d);
  const el = document.getElementById('ablations');
  if (!rows.length) { fill(el, h('p', null, 'No ablated cells with an un-ablated partner (same variant, backend, strategy and parameters).')); return; }
  const W = 640, rowH = 28, left = 200, top = 24, H = top + rows.length * rowH + 10;
  const span = Math.max(0.05, ...rows.flatMap(x => [Math.abs(x.d.difference), ...(x.d.ci || []).map(Math.abs)]));
  const zero = left + (W - left - 20) / 2, scale = (W - left - 20) / 2 / span, xAt = v => zero + v * scale;
  const svg = s('svg', { id: 'ablation-chart', viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img',
    'aria-label': `${metric} lost by each ablation against the same cell with every cue` },
    s('line', { x1: zero, x2: zero, y1: top - 6, y2: H - 6, class: 'axis' }),
    s('text', { x: xAt(-span), y: 14, class: 'tick' }, fmt.num(-span)), s('text', { x: zero, y: 14, class: 'tick', 'text-anchor': 'middle' }, '0'),
    s('text', { x: xAt(span), y: 14, class: 'tick', 'text-anchor': 'end' }, '+' + fmt.num(span)),
    rows.map((x, i) => {
      const y = top + i * rowH, d = x.d, v = d.difference;
      return s('g', { class: 'ablation', 'data-cell': x.a.cell, 'data-baseline': x.a.baseline },
        s('title', null, `${x.a.cell} against ${x.a.baseline}: ${v >= 0 ? '+' : ''}${fmt.num(v)}${d.ci ? ` [${fmt.num(d.ci[0])}, ${fmt.num(d.ci[1])}]` : ''} on ${d.cases} cases`),
        s('text', { x: left - 8, y: y + 15, 'text-anchor': 'end', class: 'label' }, `${x.a.cell} vs ${x.a.baseline}`),
        s('rect', { class: 'bar ' + (v < 0 ? 'loss' : 'gain'), x: Math.min(zero, xAt(v)), y: y + 4, width: Math.max(1, Math.abs(xAt(v) - zero)), height: rowH - 10 }),
        d.ci ? s('line', { class: 'whisker', x1: xAt(d.ci[0]), x2: xAt(d.ci[1]), y1: y + rowH / 2 - 1, y2: y + rowH / 2 - 1 }) : null);
    }));
  fill(el, h('figure', null, svg, h('figcaption', null, `${metric}: ablated cell minus the same cell with every cue; whiskers are 95% paired bootstrap intervals`)));
}

// Two cells side by side from GET .../diff: each step's template as sent (inline variants too) as a line diff, the
// cases the two judge differently with both answers, and b against a on the primary metric.
function templateDiff(step) {
  const mark = { KEEP: ['keep', '  '], DELETE: ['del', '- '], INSERT: ['ins', '+ '] };
  const lines = step.lines.map(l => {
    const [cls, prefix] = mark[l.kind];
    return h(cls === 'keep' ? 'span' : cls, { class: 'diff-line ' + cls }, prefix + l.line);
  });
  const name = x => x || '(no such step)';
  return h('figure', { class: 'diff-step', 'data-step': step.step },
    h('figcaption', null, `Step ${step.step}: ${name(step.a)} → ${name(step.b)}${step.identical ? ' (identical)' : ''}`),
    h('pre', { class: 'diff' }, lines));
}

async function compareCells(base, view) {
  const a = document.getElementById('compare-a').value, b = document.getElementById('compare-b').value;
  if (!a || !b) return;
  const d = await api(`${base}/diff?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`);
  // Arrow keys on a select fire a change per step: only the answer for what is still chosen is shown.
  if (document.getElementById('compare-a').value !== a || document.getElementById('compare-b').value !== b) return;
  const out = [], beside = [];
  const sent = side => side.steps.map(x => x.template + (x.inline ? ' (inline)' : '')).join(', ');
  if (d.identical) out.push(h('p', { id: 'compare-template' }, `Both cells send the same template at every step (${sent(d.a)}).`));
  else out.push(h('div', { id: 'compare-template' }, h('p', null, `${a} sends ${sent(d.a)}; ${b} sends ${sent(d.b)}. Lines only ${a} sends are marked −, lines only ${b} sends +.`),
    d.templates.map(templateDiff)));
  const metric = primaryMetric(view), m = ((d.statistics || {}).metrics || {})[metric];
  if (m) beside.push(h('p', { id: 'compare-stats' }, `${metric}: ${fmt.num(m.baseline)} in ${a}, ${fmt.num(m.cell)} in ${b}; ${b} − ${a} = ${m.difference >= 0 ? '+' : ''}${fmt.num(m.difference)}` +
    (m.ci ? ` [${fmt.num(m.ci[0])}, ${fmt.num(m.ci[1])}]` : '') + (m.pValue !== undefined ? `, McNemar p = ${fmt.num(m.pValue, 4)}` : '') + ` on ${m.cases} cases`));
  beside.push(table(`Cases judged differently by ${a} and ${b} (${d.flips.length})`, ['case', 'expected', a, b, 'flip'],
    d.flips.map(f => h('tr', { 'data-case': f.caseKey }, h('th', { scope: 'row' }, f.caseKey), h('td', null, f.expected || '–'),
      h('td', null, f.a.answer || '–'), h('td', null, f.b.answer || '–'),
      h('td', null, f.a.correct ? 'right → wrong' : 'wrong → right'))), { id: 'compare-flips' }));
  fill(document.getElementById('compare'), h('div', { class: 'compare-grid' }, h('div', null, out), h('div', null, beside)));
}

function lifecycleButtons(base, view) {
  const act = verb => async () => {
    try { await api(`${base}/${verb}`, { method: 'POST' }); location.reload(); } catch (e) { showError(e); }
  };
  return h('p', { class: 'row' },
    view.status === 'running' ? h('button', { type: 'button', id: 'exp-cancel', onclick: act('cancel') }, 'Cancel') : null,
    ['failed', 'cancelled', 'running'].includes(view.status) ? h('button', { type: 'button', id: 'exp-resume', onclick: act('resume') }, 'Resume') : null);
}

async function pageExperiment(id) {
  const base = '/v1/experiments/' + encodeURIComponent(id);
  const view = await api(base);
  renderExperiment(view);
  const loadAblations = async v => renderAblations(await api(base + '/ablations'), primaryMetric(v));
  document.getElementById('experiment-summary').append(lifecycleButtons(base, view));
  await loadAblations(view);
  for (const [sel, pick] of [['compare-a', view.baseline], ['compare-b', (view.cells || []).map(c => c.id).find(c => c !== view.baseline)]]) {
    const el = document.getElementById(sel);
    fill(el, (view.cells || []).map(c => h('option', { value: c.id, selected: c.id === pick }, `${c.id}: ${c.label}`)));
    el.addEventListener('change', () => compareCells(base, view).catch(showError));
  }
  await compareCells(base, view);
  let offset = 0;
  const loadMatrix = async () => {
    const only = document.getElementById('matrix-only').value;
    const limit = Number(document.getElementById('matrix-limit').value);
    const label = document.getElementById('matrix-label').value.trim(), category = document.getElementById('matrix-category').value.trim();
    const m = await api(`${base}/matrix?offset=${offset}&limit=${limit}${only ? '&only=' + only : ''}` +
      `${label ? '&label=' + encodeURIComponent(label) : ''}${category ? '&category=' + encodeURIComponent(category) : ''}`);
    const nav = h('p', { class: 'pager' },
      h('button', { type: 'button', disabled: m.offset === 0, onclick: () => { offset = Math.max(0, offset - limit); loadMatrix().catch(showError); } }, 'Previous'),
      ` rows ${m.total ? m.offset + 1 : 0}–${m.offset + m.rows.length} of ${m.total} `,
      h('button', { type: 'button', disabled: m.offset + m.rows.length >= m.total, onclick: () => { offset += limit; loadMatrix().catch(showError); } }, 'Next'));
    const rows = m.rows.map(r => h('tr', { 'data-case': r.caseKey },
      h('th', { scope: 'row' }, h('a', { href: `/console/experiments/${encodeURIComponent(id)}/cases/${encodeURIComponent(r.caseKey)}` }, r.caseKey)),
      h('td', null, r.expected || '–'),
      m.cells.map(c => {
        const e = r.cells[c];
        if (!e) return h('td', { class: 'cell missing' }, '–');
        const verdict = e.error ? 'error' : e.correct ? 'correct' : 'wrong';
        return h('td', { class: 'cell ' + verdict, 'data-cell': c, title: `${c}: ${verdict}${e.repeats > 1 ? ', ' + fmt.pct(e.correctRate) + ' of repeats right' : ''}` },
          e.answer || e.error || '–', h('span', { class: 'sr-only' }, ' (' + verdict + ')'));
      })));
    fill(document.getElementById('matrix'), nav,
      table('Answers per case and cell (green: right, red: wrong)', ['case', 'expected', ...m.cells], rows, { id: 'matrix-table', class: 'matrix' }));
  };
  document.getElementById('matrix-only').addEventListener('change', () => { offset = 0; loadMatrix().catch(showError); });
  document.getElementById('matrix-limit').addEventListener('change', () => { offset = 0; loadMatrix().catch(showError); });
  for (const f of ['matrix-label', 'matrix-category']) document.getElementById(f).addEventListener('change', () => { offset = 0; loadMatrix().catch(showError); });
  await loadMatrix();
  document.getElementById('experiment-summary').dataset.ready = 'true';
  if (view.status === 'running') {
    events(base + '/events', (name, data) => {
      if (name === 'progress') {
        const bar = document.getElementById('exp-bar');
        bar.max = data.total || 1;
        bar.value = data.done || 0;
        fill(document.getElementById('exp-progress'), ` ${data.done} of ${data.total} trials${data.etaSeconds ? ', about ' + data.etaSeconds + ' s left' : ''}`);
        return true;
      }
      renderExperiment(data);
      loadAblations(data).catch(showError);
      loadMatrix().catch(showError);
      return false;
    }).catch(showError);
  }
}

async function pageCase(id, caseKey) {
  const d = await api(`/v1/experiments/${encodeURIComponent(id)}/cases/${encodeURIComponent(caseKey)}`);
  const parts = [h('p', null, h('a', { href: '/console/experiments/' + encodeURIComponent(id) }, '← experiment ' + id)),
    h('dl', null, h('dt', null, 'Item'), h('dd', null, d.itemId), h('dt', null, 'Expected'), h('dd', null, d.expected || '–'),
      d.media ? [h('dt', null, 'Media'), h('dd', null, d.media)] : null, d.question ? [h('dt', null, 'Question'), h('dd', null, d.question)] : null,
      d.text ? [h('dt', null, 'Text'), h('dd', null, d.text)] : null)];
  parts.push(h('h2', null, 'Cells'));
  for (const c of d.cells || []) {
    const trials = (c.trials || []).map(t => h('div', { class: 'trial ' + (t.correct ? 'correct' : 'wrong') },
      h('p', null, h('strong', null, t.answer || t.error || '–'), ` (${t.correct ? 'right' : 'wrong'}), repeat ${t.repeat}, ${t.latencyMs} ms, ${t.promptTokens} + ${t.completionTokens} tokens${t.cacheHit ? ', from the cache' : ''}`),
      ((t.detail && t.detail.steps) || []).map((st, i) => h('details', null, h('summary', null, `Prompt of step ${i + 1}${st.step ? ' (' + st.step + ')' : ''}`), h('pre', null, st.prompt || ''))),
      t.rawReply ? h('details', null, h('summary', null, 'Raw reply'), h('pre', null, t.rawReply)) : null));
    parts.push(h('section', { class: 'panel', 'data-cell': c.cell }, h('h3', null, `${c.cell}: ${c.label}`), trials));
  }
  parts.push(h('h2', null, 'Evidence'));
  for (const ev of d.evidence || []) {
    parts.push(h('details', { class: 'panel evidence' }, h('summary', null, `Cues of cells ${ev.cells.join(', ')} (${(ev.cues || []).length})`),
      h('p', { class: 'meta' }, `facial priors ${ev.facialPriors ? 'on' : 'off'}, de-identified ${ev.deidentified ? 'yes' : 'no'}; encoders ${Object.keys(ev.encoders || {}).join(', ')}`),
      table(null, ['id', 'type', 'label', 'score'], (ev.cues || []).map(c => h('tr', null, h('th', { scope: 'row' }, c.id), h('td', null, c.type), h('td', null, c.label), h('td', null, fmt.num(c.score, 2)))))));
  }
  fill(document.getElementById('case'), parts);
}

async function pageEvaluations() {
  const list = await api('/v1/evaluations?limit=100');
  fill(document.getElementById('evaluations'), list.length === 0 ? h('p', null, 'No evaluations yet.') :
    table('Evaluations, newest first', ['evaluation', 'dataset', 'status', 'format', 'cases', 'created', 'completed'],
      list.map(x => h('tr', null, h('th', { scope: 'row' }, h('a', { href: '/console/evaluations/' + encodeURIComponent(x.id) }, x.id)),
        h('td', null, x.name), h('td', null, statusBadge(x.status)), h('td', null, x.format), h('td', null, x.totalCases),
        h('td', null, fmt.time(x.createdAt)), h('td', null, fmt.time(x.completedAt))))));
}

// Rows gold, columns predicted, as LabelMetrics orders them; the shade is the count against the largest count.
function heatMap(strategy, confusion, onPick) {
  const gold = Object.keys(confusion), predicted = [...new Set(gold.flatMap(g => Object.keys(confusion[g])))];
  const max = Math.max(1, ...gold.flatMap(g => Object.values(confusion[g])));
  return h('figure', null, table(`Confusion matrix, ${strategy}: rows expected, columns predicted; click a cell for its cases`, ['expected \\ predicted', ...predicted],
    gold.map(g => h('tr', null, h('th', { scope: 'row' }, g), predicted.map(p => {
      const n = confusion[g][p] || 0;
      return h('td', { class: 'heat' + (g === p ? ' diagonal' : ''), 'data-gold': g, 'data-predicted': p, tabindex: 0, title: `${n} expected ${g}, predicted ${p}`,
        style: `background: rgba(${g === p ? '39, 174, 96' : '192, 57, 43'}, ${(n / max).toFixed(3)})`, onclick: () => onPick(strategy, g, p) }, String(n));
    }))), { class: 'heatmap', 'data-strategy': strategy }));
}

async function caseDrillDown(id, strategy, gold, predicted) {
  const list = await api(`/v1/evaluations/${encodeURIComponent(id)}/cases?strategy=${encodeURIComponent(strategy)}&limit=1000`);
  const picked = gold === undefined ? list : list.filter(c => c.expected === gold && (c.error ? '(none)' : c.answer) === predicted);
  fill(document.getElementById('evaluation-cases'), table(`Cases of ${strategy}${gold === undefined ? '' : `: expected ${gold}, predicted ${predicted}`} (${picked.length})`,
    ['case', 'category', 'expected', 'answer', 'verdict', 'latency', 'reply'],
    picked.map(c => h('tr', { 'data-case': c.key, class: c.correct ? 'correct' : 'wrong' }, h('th', { scope: 'row' }, c.key), h('td', null, c.category || '–'),
      h('td', null, c.expected || '–'), h('td', null, c.answer || c.error || '–'), h('td', null, c.error ? 'error' : c.correct ? 'right' : 'wrong'),
      h('td', null, fmt.ms(c.latencyMs)), h('td', null, c.rawReply ? h('details', null, h('summary', null, 'reply'), h('pre', null, c.rawReply)) : '–'))),
    { id: 'evaluation-cases-table' }));
}

async function pageEvaluation(id) {
  const v = await api('/v1/evaluations/' + encodeURIComponent(id));
  const strategies = v.strategies || [];
  const byStrategy = strategies.length > 1 ? v.metrics || {} : { [strategies[0] || 'strategy']: v.metrics };
  const flat = Object.fromEntries(Object.entries(byStrategy).map(([k, m]) => [k, leaves(m)]));
  const names = [...new Set(Object.values(flat).flatMap(Object.keys))].filter(n => !n.startsWith('confusion.'));
  const parts = [h('p', null, `${v.name} · `, statusBadge(v.status), ` · format ${v.format} · backend ${v.backend}${v.partial ? ' · partial: the cases finished so far' : ''}`),
    table('Metrics', ['metric', ...Object.keys(flat)], names.map(n => h('tr', { 'data-metric': n }, h('th', { scope: 'row' }, n),
      Object.keys(flat).map(k => h('td', { 'data-strategy': k }, fmt.num(flat[k][n]))))), { id: 'evaluation-metrics' }) ];
  for (const c of v.comparison || []) {
    parts.push(table(`${c.strategy} against ${c.baseline} (${c.units} units, ${Math.round(c.confidence * 100)}% intervals)`, ['metric', c.baseline, c.strategy, 'difference', 'interval'],
      Object.entries(c.metrics || {}).map(([n, d]) => h('tr', { 'data-metric': n }, h('th', { scope: 'row' }, n), h('td', null, fmt.num(d.baseline)), h('td', null, fmt.num(d.strategy)),
        h('td', null, fmt.num(d.difference)), h('td', null, `[${fmt.num(d.ciLow)}, ${fmt.num(d.ciHigh)}]`))), { class: 'comparison', 'data-strategy': c.strategy }));
  }
  const pick = (st, g, p) => caseDrillDown(id, st, g, p).catch(showError);
  // The heat maps first: they are what a reader looks for, the numbers follow.
  parts.splice(1, 0, ...Object.entries(byStrategy).filter(([, m]) => m && m.confusion).map(([st, m]) => heatMap(st, m.confusion, pick)));
  if (v.error) parts.push(h('p', { class: 'error' }, v.error));
  parts.push(h('section', { 'aria-labelledby': 'ec-h' }, h('h2', { id: 'ec-h' }, 'Cases'), h('div', { id: 'evaluation-cases' })));
  fill(document.getElementById('evaluation'), parts);
  if (strategies.length) await caseDrillDown(id, strategies[0]);
  document.getElementById('evaluation').dataset.ready = 'true';
}

async function pagePrompts() {
  const list = await api('/v1/prompts');
  fill(document.getElementById('prompts'), table('Prompt templates', ['template', 'version', 'task', 'description', 'variables', 'sha256'],
    list.map(p => h('tr', null, h('th', { scope: 'row' }, p.id), h('td', null, p.version), h('td', null, p.task || '–'), h('td', null, p.description || ''),
      h('td', null, (p.variables || []).join(', ')), h('td', null, h('code', { title: p.sha256 }, (p.sha256 || '').slice(0, 12)))))));
}

async function pageEncoders() {
  const list = await api('/v1/encoders');
  fill(document.getElementById('encoders'), table('Encoder models', ['model', 'task', 'loaded', 'pool', 'licence', 'input', 'output', 'sha256'],
    list.map(e => h('tr', null, h('th', { scope: 'row' }, e.id), h('td', null, e.task), h('td', null, e.loaded ? 'yes' : 'no'), h('td', null, e.poolSize),
      h('td', null, e.licence + (e.licenceVerified ? '' : ' (unverified)')), h('td', null, e.input || ''), h('td', null, e.output || ''),
      h('td', null, h('code', { title: e.sha256 }, (e.sha256 || '').slice(0, 12)))))));
}

function start() {
  const body = document.body;
  const id = body.dataset.id, caseKey = body.dataset.case;
  const pages = {
    analyse: fillChoices, analyses: pageAnalyses, analysis: () => pageAnalysis(id), experiments: pageExperiments, experiment: () => pageExperiment(id),
    case: () => pageCase(id, caseKey), evaluations: pageEvaluations, evaluation: () => pageEvaluation(id), prompts: pagePrompts, encoders: pageEncoders,
  };
  const page = pages[body.dataset.view];
  if (page) page().catch(showError);
}

document.addEventListener('DOMContentLoaded', () => {
  setUpKeyForm();
  if (document.body.dataset.view === 'analyse') pageAnalyse();
  start();
});
