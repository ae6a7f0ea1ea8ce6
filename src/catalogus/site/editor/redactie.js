/* The staff form editor (/redactie/): a fiche as the town sees it, as one form built from the exported JSON Schema,
 * checked as you type, written out as every file the change concerns.
 *
 * Shared and local: a shared fiche (gedeeld/products/<id>.md) is the same for every town; the town's local file
 * (content/lokaal/<id>.yml) holds its own fields (loket, cost, ...), each replacing the shared field of the same
 * name. The form shows both together, each field marked with where a change goes: to every town through the
 * shared catalogue, or to this town only. A field a town may set (C.lokale_velden) can be moved to the local file
 * with its "only for this town" box; the town's fields (C.gemeente_velden) are always local. A town's own fiche
 * (content/products/ in its folder), and a new fiche made here, is one file with every field.
 *
 * Round trip: in each file, every top-level field the editor did not change keeps its original text (comments and
 * quoting included), and so do the local file's own fields (gedeelde_versie, aangeboden, reden); only changed
 * fields are written by the YAML emitter below, in the house style of the content files. A file nothing changed
 * in is not offered at all.
 *
 * Input: amounts, dates and web addresses are typed as text and read by redactie-invoer.js (the Dutch way: 12,50
 * and 1.250; 15/03/2026; www.example.be), the value read shown next to the field; what it cannot read is refused
 * at the field, and the files are not made until it is fixed. Text pasted from Word is cleaned (lists, spaces).
 * No network request besides ./fiches.json; nothing is stored or sent. */
(function () {
  "use strict";
  const C = JSON.parse(document.getElementById("redactie-config").textContent);
  const S = C.schema;
  const T = C.teksten;  // the page's own words, from the translation file (translations/<taal>.yml, 'redactie')
  const I = window.redactieInvoer;  // the input rules (redactie-invoer.js)
  const ORDER = Object.keys(S.properties);
  const $ = (id) => document.getElementById(id);
  const state = { fiches: [], current: null, dirty: new Set(), controls: [], home: {}, showAll: false };
  const SHARED = "gedeeld", LOCAL = "lokaal", OWN = "eigen";

  /* ---------- schema ---------- */

  function deref(s) {
    return s && s.$ref ? S.$defs[s.$ref.split("/").pop()] : s;
  }

  // A property's schema without the "or null" wrapper, with its description kept.
  function resolve(s) {
    if (!s) return {};  // a value the schema does not describe (inside a rules block): written by its own shape
    let inner = deref(s);
    if (inner.anyOf) {
      const options = inner.anyOf.map(deref).filter((x) => x.type !== "null");
      inner = options.find((x) => x.type === "number") || options[0];
    }
    return Object.assign({}, inner, { description: s.description || inner.description });
  }

  // A block whose schema refers back to itself (the eligibility rules: a condition holds conditions) cannot be
  // unfolded into a form; the editor keeps it exactly as written and says where to edit it.
  function recursive(s, seen) {
    if (!s || typeof s !== "object") return false;
    if (s.$ref) {
      const name = s.$ref.split("/").pop();
      if (seen.includes(name)) return true;
      return recursive(S.$defs[name], seen.concat(name));
    }
    return Object.values(s).some((v) => recursive(v, seen));
  }

  function kind(key, s) {
    if (recursive(s, [])) return "kept";
    if (s.type === "object") return "object";
    if (s.type === "array") {
      const items = resolve(s.items);
      if (items.type === "object") return "objects";
      if (items.enum || C.verwijzingen[key]) return "choices";
      return "lines";
    }
    if (s.type === "boolean") return "bool";
    if (s.type === "number") return "amount";
    if (s.type === "integer") return "whole";
    if (s.enum || C.verwijzingen[key]) return "choice";
    if (s.format === "date") return "date";
    if (C.webadressen.includes(key)) return "url";
    return "text";
  }

  function options(key, s) {
    const ref = C.verwijzingen[key];
    if (ref) return C.keuzes[ref];
    const labels = C.labels[key] || {};
    const values = s.enum || (s.items && resolve(s.items).enum) || [];
    return values.map((v) => ({ id: v, label: labels[v] ? labels[v].label : v }));
  }

  function title(key) {
    const text = key.replace(/_/g, " ");
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  /* ---------- form controls: each knows its path, reads and writes its value ---------- */

  let uid = 0;
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "text") node.textContent = v;
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const child of children || []) node.append(child);
    return node;
  }

  // One builder per kind (see kind()): each adds its input(s) to the field and fills in c.get, c.set and c.inputs,
  // and whatever else its kind keeps on the control.
  const BUILDERS = {
    text: textControl, date: textControl, amount: textControl, whole: textControl, url: textControl,
    choice: choiceControl, choices: choicesControl, lines: linesControl, bool: boolControl, object: objectControl,
    kept: keptControl, objects: objectsControl,
  };
  const GROUPS = ["choices", "object", "objects"];  // shown as a fieldset with a legend

  function control(key, s, path, required) {
    const k = kind(key, s);
    const id = "v" + (++uid);
    const c = { key, s, path, kind: k, id, required };
    const group = GROUPS.includes(k);
    const label = el(group ? "legend" : "label", group ? {} : { for: id });
    label.append(title(key) + (required ? " " + T.verplicht + " " : " "), el("code", { text: key }));
    // The schema's description, or the translation's words for the form where it speaks of YAML ('gratis: true').
    const explained = T.uitleg[key] || s.description;
    const hint = explained ? el("p", { class: "uitleg", id: id + "-uitleg", text: explained }) : null;
    const message = el("p", { class: "melding", id: id + "-melding", hidden: true });
    const echo = el("p", { class: "echo", id: id + "-echo", hidden: true });
    c.message = message;
    c.echo = echo;
    const wrap = el(group ? "fieldset" : "div", { class: "veld" + (k === "object" || k === "objects" ? " groep" : "") }, [label]);
    if (hint) wrap.append(hint);
    const describedBy = [hint && hint.id, echo.id, message.id].filter(Boolean).join(" ");
    BUILDERS[k](c, { wrap, label, hint, describedBy });
    c.wrap = wrap;
    c.label = label;
    wrap.append(message);
    const name = () => {
      wrap.dataset.veld = c.path.join(".");
      for (const input of c.inputs || []) input.name = c.path.join(".");
    };
    name();
    c.relocate = (p) => {
      c.path = p;
      name();
      for (const child of c.children || []) child.relocate(p.concat(child.key));
      (c.items || []).forEach((it, i) => it.relocate(p.concat(i)));
    };
    return c;
  }

  // How each typed kind reads its text (redactie-invoer.js) and shows a stored value in its field.
  const READERS = { amount: I.parseAmount, whole: I.parseWhole, date: I.parseDate, url: I.parseWebAddress };
  const SHOW = {
    amount: (v) => (typeof v === "number" ? I.formatAmount(v) : String(v)),
    date: (v) => I.formatDate(v),
  };
  const INPUT_MODES = { amount: "decimal", whole: "numeric", url: "url" };

  // text, date, amount, whole number and web address: one text input (a textarea for long text). Typed kinds are
  // read by their reader: c.read() gives {value} or {error}; the value as opened is kept exactly as it was.
  function textControl(c, { wrap, describedBy }) {
    const { s, id, kind: k } = c;
    const long = k === "text" && !(s.maxLength && s.maxLength <= 200);
    const input = el(long ? "textarea" : "input", {
      id, "aria-describedby": describedBy, rows: long ? 3 : null, type: long ? null : "text",
      inputmode: INPUT_MODES[k], autocomplete: READERS[k] ? "off" : null, spellcheck: READERS[k] ? "false" : null,
      class: READERS[k] ? "kort" : null,
    });
    wrap.append(input, c.echo);
    if (long) cleanOnPaste(c, input, false);
    const reader = READERS[k];
    c.read = () => {
      const raw = input.value;
      if (raw.trim() === "") return { value: undefined };
      if (raw === c.shown && c.original !== undefined) return { value: c.original };  // as opened
      return reader ? reader(raw) : { value: raw.trim() };
    };
    c.get = () => {
      const read = c.read();
      return read.error ? input.value.trim() : read.value;
    };
    c.set = (v) => {
      c.original = v === null ? undefined : v;
      c.shown = v === undefined || v === null ? "" : (SHOW[k] || String)(v);
      input.value = c.shown;
      c.faultShown = false;
      showEcho(c);
    };
    if (reader) {
      input.addEventListener("input", () => showEcho(c));
      input.addEventListener("change", () => { c.faultShown = true; validate(); });
    }
    c.inputs = [input];
  }

  // Next to a typed field: the value the form stores, as a reader sees it ("= € 12,50", "= 1 maart 2026", the
  // completed web address), so a value is never changed without the editor seeing it.
  function showEcho(c) {
    if (!c.read || c.pasted) return;
    const read = c.read();
    let text = "";
    if (!read.error && read.value !== undefined) {
      if (c.kind === "amount") text = fill(T.echo_bedrag, { bedrag: I.formatAmount(read.value) });
      else if (c.kind === "date") text = fill(T.echo_datum, { datum: longDate(read.value) });
      else if (c.kind === "url" && read.aangevuld) text = fill(T.echo_url, { url: read.value });
    }
    c.echo.textContent = text;
    c.echo.hidden = !text;
  }

  function longDate(iso) {
    const [y, m, d] = iso.split("-").map(Number);
    return fill(C.datum, { dag: d, maand: C.maanden[m - 1], jaar: y });
  }

  // Text pasted from Word or a web page, cleaned (redactie-invoer.js cleanPasted) and said so next to the field.
  function cleanOnPaste(c, input, list) {
    input.addEventListener("paste", (event) => {
      const data = event.clipboardData;
      if (!data) return;
      const text = data.getData("text/plain");
      const cleaned = I.cleanPasted(text, { list, paragraphs: !list && [...data.types].includes("text/html") });
      if (cleaned === text) return;
      event.preventDefault();
      input.focus();
      if (!document.execCommand("insertText", false, cleaned)) {  // keeps the browser's undo; else by hand
        input.setRangeText(cleaned, input.selectionStart, input.selectionEnd, "end");
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
      const note = c ? c.echo : $("tekst-echo");
      if (c) c.pasted = true;
      note.textContent = list ? T.geplakt_lijst : T.geplakt;
      note.hidden = false;
    });
  }

  // One value from a list: a select.
  function choiceControl(c, { wrap, describedBy }) {
    const { key, s, id } = c;
    const select = el("select", { id, "aria-describedby": describedBy }, [el("option", { value: "", text: T.geen })]);
    for (const o of options(key, s)) select.append(el("option", { value: o.id, text: o.label }));
    wrap.append(select);
    c.get = () => select.value || undefined;
    c.set = (v) => {
      if (v !== undefined && v !== null && ![...select.options].some((o) => o.value === v)) {
        select.append(el("option", { value: v, text: v }));  // an unknown value stays visible, and is reported
      }
      select.value = v === undefined || v === null ? "" : v;
    };
    c.inputs = [select];
  }

  // Several values from a list: a group of checkboxes.
  function choicesControl(c, { wrap, describedBy }) {
    const { key, s, id } = c;
    const box = el("div", { class: "keuzes", id, role: "group", "aria-describedby": describedBy });
    const boxes = [];
    for (const o of options(key, s)) {
      const input = el("input", { type: "checkbox", value: o.id });
      boxes.push(input);
      box.append(el("label", {}, [input, o.label]));
    }
    wrap.append(box);
    c.order = [];
    c.get = () => {
      const checked = boxes.filter((b) => b.checked).map((b) => b.value);
      // Keep the editor's order: values already there first, newly ticked ones at the end.
      const kept = c.order.filter((v) => checked.includes(v));
      const added = checked.filter((v) => !kept.includes(v));
      return kept.concat(added).length ? kept.concat(added) : undefined;
    };
    c.set = (v) => {
      const values = Array.isArray(v) ? v : [];
      for (const value of values) {
        if (!boxes.some((b) => b.value === value)) {
          const input = el("input", { type: "checkbox", value });
          boxes.push(input);
          box.append(el("label", {}, [input, value]));
        }
      }
      for (const b of boxes) b.checked = values.includes(b.value);
      c.order = values.slice();
    };
    c.inputs = boxes;
    c.box = box;
  }

  // A list of lines: a textarea, one per line; pasted bullets become lines.
  function linesControl(c, { wrap, describedBy }) {
    const { id } = c;
    const input = el("textarea", { id, rows: 4, "aria-describedby": describedBy });
    wrap.querySelector(".uitleg") ? wrap.querySelector(".uitleg").append(" " + T.een_per_regel) : wrap.append(el("p", { class: "uitleg", text: T.een_per_regel }));
    wrap.append(input, c.echo);
    cleanOnPaste(c, input, true);
    c.get = () => {
      const lines = input.value.split("\n").map((l) => l.trim()).filter(Boolean);
      return lines.length ? lines : undefined;
    };
    c.set = (v) => { input.value = Array.isArray(v) ? v.join("\n") : ""; };
    c.inputs = [input];
  }

  // Yes or no: a checkbox in the label.
  function boolControl(c, { label, describedBy }) {
    const { id } = c;
    const input = el("input", { type: "checkbox", id, "aria-describedby": describedBy });
    label.prepend(input);
    c.explicitFalse = false;
    c.get = () => (input.checked ? true : (c.required || c.explicitFalse ? false : undefined));
    c.set = (v) => { input.checked = v === true; c.explicitFalse = v === false; };
    c.inputs = [input];
  }

  // A block of fields: a control per property; an optional block has an "Invullen" checkbox.
  function objectControl(c, { wrap, label, hint }) {
    const { s, path, id, required } = c;
    const inner = el("div", { id });
    const children = Object.entries(s.properties).map(([name, sub]) =>
      control(name, resolve(sub), path.concat(name), (s.required || []).includes(name)));
    for (const child of children) inner.append(child.wrap);
    c.children = children;
    let present = null;
    if (!required) {
      present = el("input", { type: "checkbox", id: id + "-aan" });
      wrap.insertBefore(el("label", { for: id + "-aan", class: "aan" }, [present, T.invullen]), hint ? hint.nextSibling : label.nextSibling);
      const sync = () => { inner.hidden = !present.checked; };
      present.addEventListener("change", sync);
      c.inputs = [present];
      c.sync = sync;
    }
    wrap.append(inner);
    c.get = () => {
      if (present && !present.checked) return undefined;
      const value = {};
      for (const child of c.children) {
        const v = child.get();
        if (v !== undefined) value[child.key] = v;
      }
      return reorder(value, c.keyOrder, Object.keys(s.properties));
    };
    c.set = (v) => {
      const value = v && typeof v === "object" ? v : {};
      c.keyOrder = Object.keys(value);
      for (const child of c.children) child.set(value[child.key]);
      if (present) { present.checked = v !== undefined && v !== null; c.sync(); }
    };
  }

  // A block the form cannot show: kept as written.
  function keptControl(c, { wrap }) {
    const { id } = c;
    wrap.append(el("p", { class: "uitleg", id, text: T.behouden }));
    c.get = () => c.value;
    c.set = (v) => { c.value = v === null ? undefined : v; };
    c.inputs = [];
  }

  // A list of blocks: a block control per item, with a remove button, and a button to add one.
  function objectsControl(c, { wrap }) {
    const { key, s, path, id } = c;
    const itemSchema = resolve(s.items);
    const list = el("div", { id });
    const add = el("button", { type: "button", class: "licht", text: fill(T.toevoegen, { veld: title(key) }) });
    c.items = [];
    const addItem = (value) => {
      const item = control(key, itemSchema, path.concat(c.items.length), true);
      item.wrap.querySelector("legend").firstChild.textContent = title(key) + " " + (c.items.length + 1) + " ";
      const remove = el("button", { type: "button", class: "licht", text: T.verwijder });
      remove.addEventListener("click", () => {
        c.items.splice(c.items.indexOf(item), 1);
        item.wrap.remove();
        c.items.forEach((it, i) => { it.relocate(path.concat(i)); });
        changed(c);
      });
      item.wrap.append(remove);
      item.set(value || {});
      c.items.push(item);
      list.append(item.wrap);
      hook(item, c);
    };
    add.addEventListener("click", () => { addItem({}); changed(c); });
    wrap.append(list, add);
    c.get = () => {
      const values = c.items.map((it) => it.get()).filter((v) => v !== undefined && Object.keys(v).length);
      return values.length ? values : undefined;
    };
    c.set = (v) => {
      for (const item of c.items) item.wrap.remove();
      c.items = [];
      for (const value of Array.isArray(v) ? v : []) addItem(value);
    };
    c.inputs = [];
  }

  function reorder(value, first, schemaOrder) {
    const keys = Object.keys(value);
    if (!keys.length) return undefined;
    const ordered = (first || []).filter((k) => k in value);
    for (const k of schemaOrder) if (k in value && !ordered.includes(k)) ordered.push(k);
    const out = {};
    for (const k of ordered) out[k] = value[k];
    return out;
  }

  function all(c) {
    return [c].concat(...(c.children || []).map(all), ...(c.items || []).map(all));
  }

  // Every input of a control marks its top-level field as changed and re-validates.
  function hook(c, top) {
    for (const node of all(c)) {
      for (const input of node.inputs || []) {
        input.addEventListener("input", () => changed(top));
        input.addEventListener("change", () => changed(top));
      }
    }
  }

  function changed(c) {
    state.dirty.add(c.path[0]);
    validate();
  }

  /* ---------- where a field is written: the shared fiche, or this town's local file ---------- */

  function shared() {
    return Boolean(state.current && state.current.soort === SHARED);
  }

  function homeOf(key) {
    return shared() ? state.home[key] || SHARED : OWN;
  }

  // A field of a shared fiche that the town may hold in its local file instead (not one it always holds).
  function movable(c) {
    return C.lokale_velden.includes(c.key) && !C.gemeente_velden.includes(c.key) && c.kind !== "kept";
  }

  // The mark at a top-level field: where a change to it goes. Only a shared fiche has two places.
  function place(c) {
    c.badge = el("span", { class: "plaats-label", hidden: true });
    c.label.append(" ", c.badge);
    if (!movable(c)) return;
    const box = el("input", { type: "checkbox", id: c.id + "-lokaal" });
    c.toggle = el("p", { class: "plaats-keuze", hidden: true }, [el("label", { for: box.id }, [box, fill(T.alleen_hier, { gemeente: C.gemeente })])]);
    c.toggleBox = box;
    c.label.after(c.toggle);
    box.addEventListener("change", () => {
      state.home[c.key] = box.checked ? LOCAL : SHARED;
      // Back to the shared field: the form shows the shared value again. To the local file: the value as it is.
      if (!box.checked) c.set(state.current.data[c.key]);
      state.dirty.add(c.key);
      mark(c);
      validate();
    });
  }

  // A block's class and its variant for a place: classes("plaats", "lokaal") is "plaats plaats--lokaal".
  function classes(block, home) {
    return [block, block + "--" + home].join(" ");
  }

  function mark(c) {
    const home = homeOf(c.key);
    c.badge.hidden = home === OWN;
    c.badge.textContent = home === LOCAL ? fill(T.plaats_lokaal, { gemeente: C.gemeente }) : home === SHARED ? T.plaats_gedeeld : "";
    c.badge.className = classes("plaats-label", home);
    c.wrap.classList.toggle("veld--lokaal", home === LOCAL);
    c.wrap.classList.toggle("veld--gedeeld", home === SHARED);
    if (c.toggle) {
      c.toggle.hidden = home === OWN;
      c.toggleBox.checked = home === LOCAL;
    }
  }

  /* ---------- validation: the schema's rules and the model's, in a form's words ---------- */

  // A mark of nonzero canonical combining class (Python's unicodedata.combining): exactly the marks NFD reorders
  // around U+0345 (class 240) and U+0334 (class 1).
  const combining = (ch) => /\p{M}/u.test(ch) &&
    (("\u0345" + ch).normalize("NFD") !== "\u0345" + ch || (ch + "\u0334").normalize("NFD") !== ch + "\u0334");

  // As the checker's catalogus.base.slug.slug, step by step: case-folded first (str.casefold: 'ß' -> 'ss'), then
  // NFKD without combining marks, so '™' or 'ℂ' (capitals after NFKD) drop out: 'Onthaal OCMW' -> 'onthaal-ocmw'.
  function slug(text) {
    const folded = text.toLowerCase().replace(/ß/g, "ss").replace(/\u0345/g, "\u03b9").normalize("NFKD");
    return [...folded].filter((ch) => !combining(ch)).join("").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (m, name) => (name in values ? String(values[name]) : m));
  }

  // What to do about an empty required field: the field's own message if the translation has one ('vul een
  // titel in'), else one for its kind of input.
  function missing(name, s) {
    if (T.leeg[name]) return T.leeg[name];
    const items = s.type === "array" ? resolve(s.items) : null;
    if (items && (items.enum || C.verwijzingen[name])) return T.leeg_keuzes;
    if (s.enum || C.verwijzingen[name]) return T.leeg_keuze;
    return T.leeg_veld;
  }

  function check(value, s, path, errors, skip) {
    const name = [...path].reverse().find((p) => typeof p === "string") || "veld";
    if (skip.has(path.join("."))) return;  // a value the form could not read: its own message says why
    if (s.type === "object") {
      for (const req of s.required || []) {
        if (value[req] === undefined) errors.push({ path: path.concat(req), message: missing(req, resolve((s.properties || {})[req])) });
      }
      for (const [key, sub] of Object.entries(s.properties || {})) {
        if (value[key] !== undefined) check(value[key], resolve(sub), path.concat(key), errors, skip);
      }
      return;
    }
    if (s.type === "array") {
      if (s.minItems && value.length < s.minItems) errors.push({ path, message: missing(name, s) });
      value.forEach((item, i) => check(item, resolve(s.items), path.concat(i), errors, skip));
      return;
    }
    if (s.type === "number" || s.type === "integer") {
      if (typeof value !== "number" || Number.isNaN(value) || (s.type === "integer" && !Number.isInteger(value))) {
        errors.push({ path, message: fill(s.type === "integer" ? T.invoer.getal_geheel : T.invoer.bedrag_vorm, { waarde: value }) });
      } else if ((s.minimum !== undefined && value < s.minimum) || (s.maximum !== undefined && value > s.maximum)) {
        errors.push({ path, message: fill(T.grenzen, { min: s.minimum ?? 0, max: s.maximum ?? "" }) });
      }
      return;
    }
    if (s.type === "string") {
      const text = String(value).trim();
      if (s.format === "date") {  // a stored date: ISO and in the calendar (the year range is for typed dates)
        const d = new Date(text + "T00:00:00Z");
        if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text) {
          errors.push({ path, message: fill(T.invoer.datum_vorm, { waarde: text }) });
        }
      }
      if (s.minLength && [...text].length < s.minLength) errors.push({ path, message: fill(T.te_kort, { min: s.minLength }) });
      if (s.maxLength && [...text].length > s.maxLength) errors.push({ path, message: fill(T.te_lang, { max: s.maxLength, n: [...text].length }) });
      if (s.pattern && !new RegExp(s.pattern, "u").test(text)) {
        errors.push({ path, message: fill(T.vorm[name] || T.vorm_veld, { waarde: text, voorbeeld: slug(text) || "gratis-huisvuilzakken" }) });
      }
    }
  }

  // The model's cross-field rules (catalogus.model: Kostprijs, Fiche), each with its code ('regel'); the words are
  // the translation's. tests/test_site_editor_rules.py holds the codes to the model's verdicts.
  function rules(data, errors) {
    const say = (path, regel) => errors.push({ path, regel, message: T.regels[regel] });
    const k = data.kostprijs;
    if (k) {
      const amounts = k.bedragen || [];
      // One message at most, the first that applies: Kostprijs._consistent raises at its first failing rule.
      if (k.gratis === true && amounts.length) say(["kostprijs", "gratis"], "gratis_zonder_bedragen");
      else if (k.gratis !== true && !amounts.length && !k.toelichting) say(["kostprijs"], "bedragen_of_toelichting");
      else if (amounts.some((b) => b.ongeveer === true) && !k.bron) say(["kostprijs", "bron"], "ongeveer_met_bron");
    }
    if (!data.loket && !data.aanbieder) say(["loket"], "loket_of_aanbieder");
    if (!state.current && data.id && state.fiches.some((f) => f.id === data.id)) {
      errors.push({ path: ["id"], message: fill(T.bestaat_al, { id: data.id }) });
    }
  }

  /* The form's values: every field as the town sees the fiche (shared and local together). */
  function collect() {
    const data = {};
    for (const c of state.controls) {
      const v = c.get();
      if (v !== undefined) data[c.key] = v;
    }
    return data;
  }

  // What a typed field could not read, in the translation's words (the code is the reader's).
  function unreadable(node) {
    const read = node.read ? node.read() : {};
    if (!read.error) return null;
    const raw = node.inputs[0].value.trim();
    return fill(T.invoer[read.error], { waarde: raw, voorstel: read.voorstel || "" });
  }

  function where(path) {
    return path.map((p) => (typeof p === "number" ? String(p + 1) : title(p))).join(" › ");
  }

  function validate() {
    const nodes = state.controls.flatMap(all);
    const errors = [];
    const skip = new Set();
    for (const node of nodes) {
      const message = unreadable(node);
      if (message) {
        errors.push({ path: node.path, message, onleesbaar: true });
        skip.add(node.path.join("."));
      } else {
        node.faultShown = false;
      }
    }
    const data = collect();
    check(data, S, [], errors, skip);
    rules(data, errors);
    for (const node of nodes) {
      node.message.hidden = true;
      node.message.textContent = "";
      for (const input of node.inputs || []) input.removeAttribute("aria-invalid");
      if (node.box) node.box.removeAttribute("aria-invalid");
    }
    const shown = [];
    for (const error of errors) {
      // The deepest control whose path starts the error's path shows the message.
      const key = error.path.join(".");
      const node = nodes.filter((n) => key === n.path.join(".") || key.startsWith(n.path.join(".") + "."))
        .sort((a, b) => b.path.length - a.path.length)[0];
      // A value the form cannot read shows its message once the editor left the field; other messages, for a
      // new fiche, once the editor touched the field. Asking for the files shows them all.
      const visible = error.onleesbaar ? state.showAll || node.faultShown : state.showAll || state.current || state.dirty.has(error.path[0]);
      if (!node || !visible) continue;
      if (error.onleesbaar) node.faultShown = true;
      node.message.hidden = false;
      node.message.textContent = (node.message.textContent ? node.message.textContent + " · " : "") + error.message;
      for (const input of node.inputs || []) input.setAttribute("aria-invalid", "true");
      if (node.box) node.box.setAttribute("aria-invalid", "true");
      shown.push({ error, node });
    }
    summarise(errors, shown);
    return errors;
  }

  // The list above the button: every problem, each a link to its field.
  function summarise(errors, shown) {
    const list = $("problemen");
    list.textContent = "";
    if (!errors.length) {
      list.append(el("p", { text: T.geen_problemen }));
      return;
    }
    list.append(el("p", { text: errors.length === 1 ? T.een_probleem : fill(T.problemen, { aantal: errors.length }) }));
    const ul = el("ul");
    for (const e of errors) {
      const at = shown.find((s) => s.error === e);
      const target = at && (at.node.inputs || [])[0];
      const anchor = at && (at.node.box || target);
      const text = where(e.path) + ": " + e.message;
      if (target && anchor.id) {
        const link = el("a", { href: "#" + anchor.id, text });
        link.addEventListener("click", (event) => { event.preventDefault(); target.focus(); });
        ul.append(el("li", {}, [link]));
      } else {
        ul.append(el("li", { text }));
      }
    }
    list.append(ul);
  }

  /* ---------- YAML emitter: the house style of the content files ---------- */

  const IMPLICIT = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|~|null|Null|NULL|=|<<)$/;
  const NUMBERISH = /^[-+]?\.?[0-9][^ ]*$|^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$|^\d{4}-\d\d?-\d\d?/;

  // Not plain: control characters (C0, DEL, C1), line and paragraph separators, BOM and non-characters; in a flow
  // list also '?', which PyYAML without libyaml reads as a key indicator.
  function plain(text, flow) {
    return text !== "" && text === text.trim() && !/[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/.test(text) &&
      !/^[-?:,\[\]{}#&*!|>'"%@`]/.test(text) && !/: |\s#|:$/.test(text) && !(flow && /[,?\[\]{}]/.test(text)) &&
      !IMPLICIT.test(text) && !NUMBERISH.test(text);
  }

  // JSON's escapes are YAML's; YAML refuses DEL, C1 controls and non-characters even between quotes, and reads
  // U+0085, U+2028 and U+2029 as line breaks: those are escaped too.
  function quote(text) {
    return JSON.stringify(text).replace(/[\x7f-\x9f\u2028\u2029\ufffe\uffff]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
  }

  function scalar(value, s, flow) {
    if (typeof value === "boolean") return value ? "true" : "false";
    if (typeof value === "number") return s && s.type === "number" ? value.toFixed(2) : String(value);  // amounts with two decimals
    const text = String(value);
    if (s && s.format === "date" && /^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
    return plain(text, flow) ? text : quote(text);
  }

  function emit(key, value, s, indent) {
    const pad = " ".repeat(indent);
    if (Array.isArray(value)) {
      if (!value.length) return [pad + key + ": []"];  // not 'key:' alone, which YAML reads as null
      const items = resolve(s.items);
      if (items.type === "object" || value.some((v) => v && typeof v === "object")) {
        const lines = [pad + key + ":"];
        for (const item of value) {
          const inner = emitObject(item, items, indent + 4);
          inner[0] = pad + "  - " + inner[0].trimStart();
          lines.push(...inner);
        }
        return lines;
      }
      const short = items.enum || C.verwijzingen[key] || (items.maxLength && items.maxLength <= 80);
      const texts = value.map((v) => scalar(v, items, true));
      if (short && value.every((v) => typeof v !== "string" || plain(v, true))) return [pad + key + ": [" + texts.join(", ") + "]"];
      return [pad + key + ":"].concat(value.map((v) => pad + "  - " + scalar(v, items, false)));
    }
    if (value && typeof value === "object") return [pad + key + ":"].concat(emitObject(value, s, indent + 2));
    return [pad + key + ": " + scalar(value, s, false)];
  }

  function emitObject(value, s, indent) {
    const lines = [];
    const map = Object.values(s.patternProperties || {})[0];  // a map's values (rechten.grenzen) share one schema
    for (const [key, v] of Object.entries(value)) {
      const sub = s.properties && s.properties[key] ? resolve(s.properties[key]) : resolve(map);
      lines.push(...emit(key, v, sub, indent));
    }
    return lines;
  }

  function emitFile(data, body) {
    const front = emitObject(data, S, 0).join("\n");
    return "---\n" + front + "\n---\n\n" + body.trim() + "\n";
  }

  /* ---------- round trip: keep the original text of every unchanged field ---------- */

  // A file's top-level fields as segments of lines: front-matter between '---' lines (a fiche), or the whole file
  // (a local file). Lines before the first field (comments) are the head.
  function split(text, front) {
    const lines = text.replace(/\r\n?/g, "\n").split("\n");
    if (!front && lines[lines.length - 1] === "") lines.pop();  // a local file's final newline: added back by localText
    const end = front ? lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)[ \t]*$/.test(l)) : lines.length;
    const segments = [];
    const head = [];
    for (const line of lines.slice(front ? 1 : 0, end)) {
      const m = /^([A-Za-z_][\w-]*)\s*:(?:\s|$)/.exec(line);
      if (m) segments.push({ key: m[1], lines: [line] });
      else if (segments.length) segments[segments.length - 1].lines.push(line);
      else head.push(line);
    }
    return { first: front ? lines[0] : null, head, segments, close: front ? lines[end] : null, after: front ? lines.slice(end + 1).join("\n") : "" };
  }

  // The comments and empty lines that end a segment belong to what follows: kept when the field is rewritten.
  function tail(lines) {
    let at = lines.length;
    while (at > 1 && /^(?:#.*|\s*)$/.test(lines[at - 1])) at--;
    return lines.slice(at);
  }

  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  function bodyOf(after) {
    return after.replace(/^\n+/, "").replace(/\s+$/, "");
  }

  // The segments of a file with the fields in `dirty` written from `data` (a field now undefined is dropped, a new
  // one goes where the schema's order puts it); every other segment as it was. Returns the lines and the fields
  // whose text changed.
  function rewrite(parts, original, data, dirty) {
    const items = parts.segments.map((segment) => ({ key: segment.key, segment }));
    for (const key of ORDER) {
      if (data[key] === undefined || items.some((it) => it.key === key)) continue;
      let at = items.findIndex((it) => ORDER.indexOf(it.key) > ORDER.indexOf(key));
      if (at < 0) at = items.map((it) => ORDER.includes(it.key)).lastIndexOf(true) + 1;  // before a local file's own fields
      items.splice(at, 0, { key });
    }
    const lines = [];
    const changedKeys = [];
    for (const { key, segment } of items) {
      if (segment && (!dirty.has(key) || same(data[key], original[key]))) {
        lines.push(...segment.lines);
        continue;
      }
      changedKeys.push(key);
      if (data[key] !== undefined) lines.push(...emit(key, data[key], resolve(S.properties[key]), 0));
      if (segment) lines.push(...tail(segment.lines));
    }
    return { lines, changed: changedKeys };
  }

  // A fiche file (front-matter and text): the original with the changes, or a new file.
  function ficheText(original, data, dirty, body) {
    if (!original) return { text: emitFile(data, body), changed: Object.keys(data) };
    const parts = split(original.tekst, true);
    const { lines, changed: keys } = rewrite(parts, original.data, data, dirty);
    const out = [parts.first].concat(parts.head, lines, [parts.close]);
    const sameBody = body.replace(/\s+$/, "") === bodyOf(parts.after);
    return { text: out.join("\n") + "\n" + (sameBody ? parts.after : "\n" + body.trim() + "\n"), changed: keys };
  }

  // The town's local file (plain YAML): its own fields (gedeelde_versie, aangeboden, reden) and comments kept.
  function localText(local, data, dirty) {
    if (local.tekst === null) return { text: emitObject(data, S, 0).join("\n") + "\n", changed: Object.keys(data) };
    const parts = split(local.tekst, false);
    const { lines, changed: keys } = rewrite(parts, local.data, data, dirty);
    const newline = /\n$/.test(local.tekst) ? "\n" : "";
    return { text: parts.head.concat(lines).join("\n") + newline, changed: keys };
  }

  // Every file of the fiche as the form would write it now, changed or not: {pad, tekst, oud (null: a new file),
  // soort ('gedeeld', 'lokaal' or 'eigen'), velden (the fields whose text changed)}.
  function files() {
    const f = state.current;
    const data = collect();
    const body = $("tekst").value;
    if (!f || f.soort !== SHARED) {
      const id = f ? f.id : data.id || "nieuwe-fiche";
      const { text, changed: keys } = ficheText(f, data, state.dirty, body);
      return [{ pad: f ? f.pad : C.map + "/" + id + ".md", tekst: text, oud: f ? f.tekst : null, soort: OWN, velden: keys }];
    }
    const sharedData = {}, localData = {};
    const sharedDirty = new Set(), localDirty = new Set();
    for (const key of ORDER) {
      const home = homeOf(key);
      const wasLocal = f.lokaal.velden.includes(key);
      if (home === LOCAL) {
        if (data[key] !== undefined) localData[key] = data[key];
        if (state.dirty.has(key) || !wasLocal) localDirty.add(key);
        if (f.data[key] !== undefined) sharedData[key] = f.data[key];  // the shared field stays as it was
      } else {
        if (data[key] !== undefined) sharedData[key] = data[key];
        if (state.dirty.has(key)) sharedDirty.add(key);
        if (wasLocal) localDirty.add(key);  // no longer this town's: out of the local file
      }
    }
    const sharedFile = ficheText(f, sharedData, sharedDirty, body);
    const localFile = localText(f.lokaal, localData, localDirty);
    return [
      { pad: f.pad, tekst: sharedFile.text, oud: f.tekst, soort: SHARED, velden: sharedFile.changed },
      { pad: f.lokaal.pad, tekst: localFile.text, oud: f.lokaal.tekst, soort: LOCAL, velden: localFile.changed },
    ];
  }

  /* ---------- opening a fiche ---------- */

  function build() {
    const root = $("velden");
    root.textContent = "";
    state.controls = ORDER.map((key) => control(key, resolve(S.properties[key]), [key], (S.required || []).includes(key)));
    for (const c of state.controls) {
      place(c);
      root.append(c.wrap);
      hook(c, c);
    }
    $("tekst").oninput = () => { state.dirty.add("tekst"); validate(); };
  }

  // Above the fields: which files this fiche is, and what a change to each means.
  function legend(f) {
    const box = $("plaatsen");
    box.textContent = "";
    const badge = { [SHARED]: T.plaats_gedeeld, [LOCAL]: fill(T.plaats_lokaal, { gemeente: C.gemeente }), [OWN]: fill(T.plaats_lokaal, { gemeente: C.gemeente }) };
    const say = (home, text) => box.append(el("p", { class: classes("plaats", home) }, [
      el("span", { class: classes("plaats-label", home), text: badge[home] }), " " + text]));
    if (!f) say(OWN, fill(T.legende_nieuw, { gemeente: C.gemeente, pad: C.map + "/" }));
    else if (f.soort !== SHARED) say(OWN, fill(T.legende_eigen, { gemeente: C.gemeente, pad: f.pad }));
    else {
      say(SHARED, fill(T.legende_gedeeld, { pad: f.pad }));
      say(LOCAL, fill(T.legende_lokaal, { gemeente: C.gemeente, pad: f.lokaal.pad }));
    }
    const text = $("tekst-plaats");
    text.hidden = !shared();
    text.textContent = T.plaats_gedeeld;
  }

  function open(fiche) {
    build();
    state.current = fiche;
    state.dirty = new Set();
    state.showAll = false;
    state.home = {};
    const local = fiche && fiche.soort === SHARED ? fiche.lokaal : null;
    if (local) for (const key of local.velden.concat(C.gemeente_velden)) state.home[key] = LOCAL;
    for (const c of state.controls) {
      c.set(local && local.velden.includes(c.key) ? local.data[c.key] : fiche ? fiche.data[c.key] : undefined);
      mark(c);
    }
    const id = state.controls.find((c) => c.key === "id");
    if (fiche && id) id.inputs[0].readOnly = true;  // the id is the file's name: an existing fiche keeps it
    legend(fiche);
    $("tekst").value = fiche ? bodyOf(split(fiche.tekst, true).after) : "";
    $("tekst-echo").hidden = true;
    $("formulier").hidden = false;
    $("uitvoer").hidden = false;
    $("bestanden").textContent = "";
    $("wijziging").textContent = "";
    $("status").textContent = fiche ? fill(T.u_bewerkt, { titel: fiche.titel, pad: fiche.pad }) : T.u_begint;
    validate();
    const first = state.controls.flatMap((c) => c.inputs || []).find((input) => !input.readOnly);
    if (first) first.focus();
  }

  /* ---------- the change: each file with its path, its full text and a way to propose it on GitHub ---------- */

  function make() {
    state.showAll = true;
    const errors = validate();
    const list = $("bestanden");
    list.textContent = "";
    const status = $("wijziging");
    const unread = errors.filter((e) => e.onleesbaar);
    if (unread.length) {
      status.textContent = fill(T.eerst_verbeteren, { aantal: unread.length });
      $("problemen").focus();
      return [];
    }
    const changes = files().filter((f) => f.tekst !== f.oud);
    if (!changes.length) {
      status.textContent = T.niets_veranderd;
      return [];
    }
    status.textContent = (changes.length === 1 ? T.een_bestand : fill(T.bestanden, { aantal: changes.length })) +
      (errors.length ? " " + T.let_op : "") + (C.repo ? "" : " " + T.geen_repository);
    changes.forEach((file, i) => list.append(fileBlock(file, i + 1)));
    return changes;
  }

  function fileBlock(file, n) {
    const id = "bestand-" + n;
    const home = file.soort === SHARED ? T.plaats_gedeeld : fill(T.plaats_lokaal, { gemeente: C.gemeente });
    const block = el("article", { class: classes("bestand", file.soort), "data-pad": file.pad, "aria-labelledby": id + "-titel" }, [
      el("h3", { id: id + "-titel" }, [n + ". ", el("code", { text: file.pad })]),
      el("p", {}, [el("span", { class: classes("plaats-label", file.soort), text: home }),
        " " + (file.oud === null ? T.nieuw_bestand : fill(T.velden_veranderd, { velden: file.velden.join(", ") }))]),
      el("label", { for: id }, [T.inhoud + " ", el("code", { text: file.pad })]),
    ]);
    const text = el("textarea", { id, rows: Math.min(24, file.tekst.split("\n").length + 1), readonly: true, wrap: "off", class: "resultaat" });
    text.value = file.tekst;
    block.append(text);
    if (!C.repo) return block;
    const actions = el("p", { class: "acties" });
    if (file.oud === null) {
      const slash = file.pad.lastIndexOf("/");
      const url = C.repo + "/new/" + encodeURIComponent(C.tak) + "/" + file.pad.slice(0, slash) + "?filename=" +
        encodeURIComponent(file.pad.slice(slash + 1)) + "&value=" + encodeURIComponent(file.tekst);
      actions.append(el("a", { class: "github-nieuw", href: url, target: "_blank", rel: "noopener", text: T.github_nieuw }));
      block.append(actions, el("p", { class: "uitleg", text: fill(T.uitleg_nieuw, { pad: file.pad }) }));
    } else {
      const button = el("button", { type: "button", class: "github-bewerk", text: T.github_bewerk });
      button.addEventListener("click", () => copyAndEdit(file, text));
      actions.append(button);
      block.append(actions, el("p", { class: "uitleg", text: fill(T.uitleg_bewerken, { pad: file.pad }) }));
    }
    return block;
  }

  async function copyAndEdit(file, area) {
    try {
      await navigator.clipboard.writeText(file.tekst);
    } catch (e) {
      area.select();
      document.execCommand("copy");
    }
    window.open(C.repo + "/edit/" + encodeURIComponent(C.tak) + "/" + file.pad, "_blank", "noopener");
  }

  $("nieuw").addEventListener("click", () => open(null));
  $("openen").addEventListener("click", () => {
    const fiche = state.fiches.find((f) => f.id === $("bestaand").value);
    if (fiche) open(fiche);
  });
  $("maken").addEventListener("click", make);
  cleanOnPaste(null, $("tekst"), false);

  fetch("fiches.json").then((r) => r.json()).then((fiches) => {
    state.fiches = fiches;
    const select = $("bestaand");
    for (const f of fiches) select.append(el("option", { value: f.id, text: f.titel }));
    $("status").textContent = fill(T.fiches_geladen, { aantal: fiches.length });
    document.body.dataset.klaar = "ja";
  }).catch(() => {
    $("status").textContent = T.niet_geladen;
    document.body.dataset.klaar = "ja";
  });

  // For tests and for staff who want to check a file by hand. slug, rules (the model's cross-field rules on plain
  // data: the problems found) and emitFile are compared with the Python checker in tests/test_site_editor_rules.py,
  // and so are the input rules of redactie-invoer.js (parseAmount, parseDate, parseWebAddress, ...).
  window.redactie = Object.assign({
    open: (id) => open(state.fiches.find((f) => f.id === id) || null), files, make, validate, emitFile, slug,
    rules: (data) => { const errors = []; rules(data, errors); return errors; },
  }, I);
})();
