/* The staff form editor (/redactie/): a fiche as a form, built from the exported JSON Schema, checked as you
 * type with the checker's own Dutch messages, written out as the complete Markdown file.
 *
 * Round trip: for an existing fiche, every top-level field the editor did not change keeps its original text
 * (comments and quoting included); only changed fields are written by the YAML emitter below, in the house
 * style of the content files. No network request besides ./fiches.json; nothing is stored or sent.
 *
 * Local layer: a fiche's fields in content/lokaal/<id>.yml (this town's loket, cost, ...) are shown but not
 * editable, and never written into the shared fiche: the page says which file holds them. */
(function () {
  "use strict";
  const C = JSON.parse(document.getElementById("redactie-config").textContent);
  const S = C.schema;
  const M = C.meldingen;
  const T = C.teksten;  // the page's own words, from the translation file (translations/<taal>.yml, 'redactie')
  const ORDER = Object.keys(S.properties);
  const $ = (id) => document.getElementById(id);
  const state = { fiches: [], current: null, dirty: new Set(), controls: [] };

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
    if (s.type === "number" || s.type === "integer") return "number";
    if (s.enum || C.verwijzingen[key]) return "choice";
    if (s.format === "date") return "date";
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
    text: textControl, date: textControl, number: textControl, choice: choiceControl, choices: choicesControl,
    lines: linesControl, bool: boolControl, object: objectControl, kept: keptControl, objects: objectsControl,
  };

  function control(key, s, path, required) {
    const k = kind(key, s);
    const id = "v" + (++uid);
    const c = { key, s, path, kind: k, id, required };
    const label = el(k === "choices" || k === "object" || k === "objects" ? "legend" : "label", k === "choices" || k === "object" || k === "objects" ? {} : { for: id });
    label.append(title(key) + (required ? " " + T.verplicht + " " : " "), el("code", { text: key }));
    const hint = s.description ? el("p", { class: "uitleg", id: id + "-uitleg", text: s.description }) : null;
    const message = el("p", { class: "melding", id: id + "-melding", hidden: true });
    c.message = message;
    const wrap = el(k === "choices" || k === "object" || k === "objects" ? "fieldset" : "div", { class: "veld" + (k === "object" || k === "objects" ? " groep" : "") }, [label]);
    if (hint) wrap.append(hint);
    const describedBy = [hint && hint.id, message.id].filter(Boolean).join(" ");
    BUILDERS[k](c, { wrap, label, hint, describedBy });
    c.wrap = wrap;
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

  // text, date and number: one input (a textarea for long text).
  function textControl(c, { wrap, describedBy }) {
    const { s, id, kind: k } = c;
    const long = k === "text" && !(s.maxLength && s.maxLength <= 200);
    const input = el(long ? "textarea" : "input", {
      id, "aria-describedby": describedBy, rows: long ? 3 : null,
      type: long ? null : k === "date" ? "date" : k === "number" ? "number" : "text",
      step: k === "number" ? (s.type === "integer" ? "1" : "0.01") : null,
      min: s.minimum, max: s.maximum, inputmode: k === "number" ? "decimal" : null,
    });
    wrap.append(input);
    c.get = () => {
      const raw = input.value.trim();
      if (raw === "") return undefined;
      if (k === "number") return input.validity.badInput ? NaN : Number(raw);
      return raw;
    };
    c.set = (v) => { input.value = v === undefined || v === null ? "" : String(v); };
    c.inputs = [input];
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

  // A list of lines: a textarea, one per line.
  function linesControl(c, { wrap, describedBy }) {
    const { id } = c;
    const input = el("textarea", { id, rows: 4, "aria-describedby": describedBy });
    wrap.querySelector(".uitleg") ? wrap.querySelector(".uitleg").append(" " + T.een_per_regel) : wrap.append(el("p", { class: "uitleg", text: T.een_per_regel }));
    wrap.append(input);
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

  /* ---------- validation: the schema's rules and the model's, in the checker's words ---------- */

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

  function check(value, s, path, errors) {
    const name = [...path].reverse().find((p) => typeof p === "string") || "veld";
    if (s.type === "object") {
      for (const req of s.required || []) {
        if (value[req] === undefined) errors.push({ path: path.concat(req), message: fill(M.missing, { veld: req }) });
      }
      for (const [key, sub] of Object.entries(s.properties || {})) {
        if (value[key] !== undefined) check(value[key], resolve(sub), path.concat(key), errors);
      }
      return;
    }
    if (s.type === "array") {
      if (s.minItems && value.length < s.minItems) errors.push({ path, message: fill(M.too_few, { min: s.minItems }) });
      value.forEach((item, i) => check(item, resolve(s.items), path.concat(i), errors));
      return;
    }
    if (s.type === "number" || s.type === "integer") {
      if (typeof value !== "number" || Number.isNaN(value) || (s.type === "integer" && !Number.isInteger(value))) {
        errors.push({ path, message: M.number });
      } else if ((s.minimum !== undefined && value < s.minimum) || (s.maximum !== undefined && value > s.maximum)) {
        errors.push({ path, message: fill(M.range, { waarde: value, min: s.minimum ?? "", max: s.maximum ?? "" }).replace("minstens , ", "").replace(", hoogstens )", ")") });
      }
      return;
    }
    if (s.type === "string") {
      const text = String(value).trim();
      if (s.format === "date") {
        const d = new Date(text + "T00:00:00Z");
        if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text) {
          errors.push({ path, message: fill(M.date, { waarde: text }) });
        }
      }
      if (s.minLength && [...text].length < s.minLength) errors.push({ path, message: fill(M.too_short, { min: s.minLength }) });
      if (s.maxLength && [...text].length > s.maxLength) errors.push({ path, message: fill(M.too_long, { max: s.maxLength, n: [...text].length }) });
      if (s.pattern && !new RegExp(s.pattern, "u").test(text)) {
        errors.push({ path, message: fill(M.pattern[name] || M.pattern.veld, { waarde: text, voorbeeld: slug(text) || "gratis-huisvuilzakken" }) });
      }
    }
  }

  function rules(data, errors) {
    const k = data.kostprijs;
    if (k) {
      const amounts = k.bedragen || [];
      // One message at most, the first that applies: Kostprijs._consistent raises at its first failing rule.
      if (k.gratis === true && amounts.length) errors.push({ path: ["kostprijs", "gratis"], message: M.rules.gratis_zonder_bedragen });
      else if (k.gratis !== true && !amounts.length && !k.toelichting) errors.push({ path: ["kostprijs"], message: M.rules.bedragen_of_toelichting });
      else if (amounts.some((b) => b.ongeveer === true) && !k.bron) errors.push({ path: ["kostprijs", "bron"], message: M.rules.ongeveer_met_bron });
    }
    if (!data.loket && !data.aanbieder) errors.push({ path: ["loket"], message: M.rules.loket_of_aanbieder });
    if (!state.current && data.id && state.fiches.some((f) => f.id === data.id)) {
      errors.push({ path: ["id"], message: fill(T.bestaat_al, { id: data.id }) });
    }
  }

  function localFields() {
    return state.current && state.current.lokaal ? state.current.lokaal.velden : [];
  }

  /* The form's values; `forFile`: without the local fields, which stay in their own file. */
  function collect(forFile) {
    const data = {};
    const local = localFields();
    for (const c of state.controls) {
      const v = c.get();
      if (v !== undefined && !(forFile && local.includes(c.key))) data[c.key] = v;
    }
    return data;
  }

  function validate() {
    const data = collect();
    const errors = [];
    check(data, S, [], errors);
    rules(data, errors);
    const nodes = state.controls.flatMap(all);
    for (const node of nodes) {
      node.message.hidden = true;
      node.message.textContent = "";
      for (const input of node.inputs || []) input.removeAttribute("aria-invalid");
      if (node.box) node.box.removeAttribute("aria-invalid");
    }
    for (const error of errors) {
      // The deepest control whose path starts the error's path shows the message.
      const key = error.path.join(".");
      const node = nodes.filter((n) => key === n.path.join(".") || key.startsWith(n.path.join(".") + "."))
        .sort((a, b) => b.path.length - a.path.length)[0];
      // A new fiche shows a field's message once the editor touched it, or asked for the file.
      if (!node || !(state.showAll || state.current || state.dirty.has(error.path[0]))) continue;
      node.message.hidden = false;
      node.message.textContent = (node.message.textContent ? node.message.textContent + " · " : "") + error.message;
      for (const input of node.inputs || []) input.setAttribute("aria-invalid", "true");
      if (node.box) node.box.setAttribute("aria-invalid", "true");
    }
    const list = $("problemen");
    list.textContent = "";
    if (errors.length) {
      list.append(el("p", { text: errors.length === 1 ? T.een_probleem : fill(T.problemen, { aantal: errors.length }) }));
      const ul = el("ul");
      for (const e of errors) ul.append(el("li", { text: e.path.join(".") + ": " + e.message }));
      list.append(ul);
    } else {
      list.append(el("p", { text: T.geen_problemen }));
    }
    return errors;
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

  function split(text) {
    const lines = text.replace(/\r\n?/g, "\n").split("\n");
    const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)[ \t]*$/.test(l));
    const segments = [];
    const head = [];
    for (const line of lines.slice(1, end)) {
      const m = /^([A-Za-z_][\w-]*)\s*:(?:\s|$)/.exec(line);
      if (m) segments.push({ key: m[1], lines: [line] });
      else if (segments.length) segments[segments.length - 1].lines.push(line);
      else head.push(line);
    }
    return { first: lines[0], head, segments, close: lines[end], after: lines.slice(end + 1).join("\n") };
  }

  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  function bodyOf(after) {
    return after.replace(/^\n+/, "").replace(/\s+$/, "");
  }

  function produce() {
    const data = collect(true);
    const body = $("tekst").value;
    const original = state.current;
    if (!original) return emitFile(data, body);
    const parts = split(original.tekst);
    const keys = parts.segments.map((s) => s.key).filter((k) => !state.dirty.has(k) || data[k] !== undefined);
    for (const key of ORDER) {
      if (data[key] !== undefined && !keys.includes(key)) {
        const at = keys.findIndex((k) => ORDER.indexOf(k) > ORDER.indexOf(key));
        keys.splice(at < 0 ? keys.length : at, 0, key);
      }
    }
    const out = [parts.first].concat(parts.head);
    for (const key of keys) {
      const segment = parts.segments.find((s) => s.key === key);
      const keep = segment && (!state.dirty.has(key) || same(data[key], original.data[key]));
      out.push(...(keep ? segment.lines : emit(key, data[key], resolve(S.properties[key]), 0)));
    }
    out.push(parts.close);
    const sameBody = body.replace(/\s+$/, "") === bodyOf(parts.after);
    return out.join("\n") + "\n" + (sameBody ? parts.after : "\n" + body.trim() + "\n");
  }

  /* ---------- opening a fiche and handing the file to GitHub ---------- */

  function build() {
    const root = $("velden");
    root.textContent = "";
    state.controls = ORDER.map((key) => control(key, resolve(S.properties[key]), [key], (S.required || []).includes(key)));
    for (const c of state.controls) {
      root.append(c.wrap);
      hook(c, c);
    }
    $("tekst").oninput = () => validate();
  }

  function open(fiche) {
    build();
    state.current = fiche;
    state.dirty = new Set();
    state.showAll = false;
    const data = fiche ? fiche.data : {};
    const local = fiche && fiche.lokaal ? fiche.lokaal : null;
    for (const c of state.controls) {
      if (local && local.velden.includes(c.key)) {
        c.set(local.data[c.key]);
        for (const input of c.wrap.querySelectorAll("input, select, textarea, button")) input.disabled = true;
        c.wrap.append(el("p", { class: "uitleg", text: fill(T.lokaal_veld, { pad: local.pad }) }));
      } else {
        c.set(data[c.key]);
      }
    }
    $("tekst").value = fiche ? bodyOf(split(fiche.tekst).after) : "";
    $("formulier").hidden = false;
    $("uitvoer").hidden = false;
    $("resultaat").value = "";
    $("github-nieuw").hidden = true;
    $("github-bewerk").hidden = true;
    $("actie-uitleg").textContent = "";
    $("status").textContent = fiche ? fill(T.u_bewerkt, { titel: fiche.titel, pad: fiche.pad }) : T.u_begint;
    if (local) $("status").textContent += " " + fill(T.lokaal_fiche, { pad: local.pad, velden: local.velden.join(", ") });
    validate();
    state.controls[0].inputs[0].focus();
  }

  function make() {
    state.showAll = true;
    const errors = validate();
    const text = produce();
    const data = collect(true);
    const id = state.current ? state.current.id : data.id || "nieuwe-fiche";
    const path = state.current ? state.current.pad : C.map + "/" + id + ".md";
    $("resultaat").value = text;
    $("bestandsnaam").textContent = path;
    const warn = errors.length ? " " + T.let_op : "";
    if (!C.repo) {
      $("actie-uitleg").textContent = T.geen_repository + warn;
      return text;
    }
    if (state.current) {
      $("github-bewerk").hidden = false;
      $("actie-uitleg").textContent = fill(T.uitleg_bewerken, { pad: path }) + warn;
    } else {
      const url = C.repo + "/new/" + encodeURIComponent(C.tak) + "/" + C.map + "?filename=" +
        encodeURIComponent(id + ".md") + "&value=" + encodeURIComponent(text);
      const link = $("github-nieuw");
      link.href = url;
      link.hidden = false;
      $("actie-uitleg").textContent = fill(T.uitleg_nieuw, { pad: path }) + warn;
    }
    return text;
  }

  async function copyAndEdit() {
    const text = $("resultaat").value;
    try {
      await navigator.clipboard.writeText(text);
    } catch (e) {
      $("resultaat").select();
      document.execCommand("copy");
    }
    window.open(C.repo + "/edit/" + encodeURIComponent(C.tak) + "/" + state.current.pad, "_blank", "noopener");
  }

  $("nieuw").addEventListener("click", () => open(null));
  $("openen").addEventListener("click", () => {
    const fiche = state.fiches.find((f) => f.id === $("bestaand").value);
    if (fiche) open(fiche);
  });
  $("maken").addEventListener("click", make);
  $("github-bewerk").addEventListener("click", copyAndEdit);

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
  // data: the problems found) and emitFile are compared with the Python checker in tests/test_site_editor_rules.py.
  window.redactie = {
    open: (id) => open(state.fiches.find((f) => f.id === id) || null), produce, emitFile, make, validate, slug,
    rules: (data) => { const errors = []; rules(data, errors); return errors; },
  };
})();
