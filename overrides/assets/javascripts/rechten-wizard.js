/* The "Waar heb ik recht op?" wizard, as a conversation. Asks only questions that can still change an outcome, in
   the order of vragen.yml (topic by topic: household, age, work and income, statuses, housing, disability, care);
   a gate question ('dan' in vragen.yml: "Hebt u een handicap?") comes before the questions it can answer, and its
   answer fills them in; the yes/no questions of a 'groep' are asked together as checkboxes. After every answer a
   short summary at the top ("3 keer ja, 2 keer misschien") and the full results one tap below. Answers live in this page only: no request, no storage. Every word comes from the page's
   JSON, made from the site language's translations/<taal>.yml ('wizard', 'rechten', and the questions' texts: no
   word is written here); the rules are evaluated by rechten-evaluate.js. */
(function () {
  "use strict";
  const root = document.getElementById("rechten-wizard");
  const dataElement = document.getElementById("rechten-data");
  if (!root || !dataElement || !window.CatalogusRechten) return;
  const {evaluate, AnswerError, YES, NO, UNKNOWN} = window.CatalogusRechten;
  const data = JSON.parse(dataElement.textContent);
  const text = data.teksten;
  const order = Object.keys(data.vragen);
  const base = (root.dataset.base || ".").replace(/\/?$/, "/");
  const form = document.getElementById("rechten-vraag");
  const answersBox = document.getElementById("rechten-antwoorden");
  const answersList = document.getElementById("rechten-antwoordenlijst");
  const summary = document.getElementById("rechten-samenvatting");
  const resultsList = document.getElementById("rechten-resultaten");
  const answers = {}; // what the person answered; answers that follow from a gate are derived() from these
  let skipped = [];
  let current = null;
  let editing = null; // a question the person chose to change

  function today() {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "text") node.textContent = value;
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children || []) node.append(child);
    return node;
  }

  // "{naam}: {toekenning}" with the values filled in; a function, so a "$" in a value stays itself.
  function fill(template, values) {
    return template.replace(/\{([a-z_]+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
  }

  // A text with one form for 1 and one for more ({een, meer} in the translations file).
  function plural(forms, count) {
    return fill(count === 1 ? forms.een : forms.meer, {aantal: count});
  }

  function explanations(node, found) {
    if (node.vraag !== undefined) found[node.pad] = node.uitleg;
    for (const child of node.alle || node.een_van || []) explanations(child, found);
    if (node.niet) explanations(node.niet, found);
    return found;
  }

  const products = data.producten.map((product) => {
    const found = {};
    for (const category of product.regel.categorieen) explanations(category.voorwaarde, found);
    return Object.assign({}, product, {uitleg: found});
  });

  // The answers the rules read: what follows from the gates answered, then what the person answered.
  function allAnswers() {
    const all = {};
    for (const [id, question] of Object.entries(data.vragen)) {
      if (answers[id] === undefined || !question.dan) continue;
      const key = question.soort === "ja_nee" ? (answers[id] ? "ja" : "nee") : answers[id];
      Object.assign(all, question.dan[key] || {});
    }
    return Object.assign(all, answers);
  }

  // "al": the person said they already get this product (the rule's al_vraag is ja).
  function status(product, result, all) {
    return product.regel.al && all[product.regel.al] === true ? "al" : result.uitkomst;
  }

  // The questions still worth asking, in the order of vragen.yml: open in a product that is still "misschien",
  // and the "do you already get it?" question of a product that could be ja.
  function openQuestions(results, all) {
    const open = new Set();
    for (const {product, result, state} of results) {
      if (state === UNKNOWN) result.open_vragen.forEach((q) => open.add(q));
      const already = product.regel.al;
      if (already && (state === YES || state === UNKNOWN) && all[already] === undefined) open.add(already);
    }
    return order.filter((q) => open.has(q) && !skipped.includes(q) && all[q] === undefined);
  }

  // The next question: a gate before the first question it can answer; a group's open questions together.
  function nextQuestion(results, all) {
    if (editing) return {id: editing, members: [editing]};
    const open = openQuestions(results, all);
    if (!open.length) return null;
    const first = open[0];
    const gate = order.find((g) => data.vragen[g].dan && answers[g] === undefined && !skipped.includes(g) &&
      Object.values(data.vragen[g].dan).some((followed) => first in followed));
    if (gate) return {id: gate, members: [gate]};
    const group = data.vragen[first].groep;
    return {id: first, members: group ? open.filter((q) => data.vragen[q].groep === group) : [first]};
  }

  function render(focus) {
    const day = today();
    const all = allAnswers();
    const results = products.map((product) => {
      const result = evaluate(product.regel, all, day);
      return {product, result, state: status(product, result, all)};
    });
    current = nextQuestion(results, all);
    renderQuestion(focus);
    renderAnswers();
    renderResults(results);
    if (focus) root.scrollIntoView({block: "start"}); // the summary and the question, without scrolling
  }

  function renderQuestion(focus) {
    form.replaceChildren();
    if (current === null) {
      form.append(el("p", {text: text.klaar}));
      if (skipped.length) {
        form.append(el("p", {text: plural(text.overgeslagen, skipped.length)}));
        const again = el("button", {type: "button", class: "md-button", text: text.opnieuw});
        again.addEventListener("click", () => {
          skipped = [];
          render(true);
        });
        form.append(again);
      }
      return;
    }
    if (current.members.length > 1 || data.vragen[current.id].groep) {
      renderGroup(focus);
      return;
    }
    const question = data.vragen[current.id];
    const id = "vraag-" + current.id;
    const help = question.hulp ? el("p", {id: id + "-hulp", class: "catalogus-wizard__hulp", text: question.hulp}) : null;
    const error = el("p", {id: id + "-fout", class: "catalogus-wizard__fout", role: "alert", hidden: true});
    const described = [help ? id + "-hulp" : null, id + "-fout"].filter(Boolean).join(" ");
    const fieldset = el("fieldset", {"data-vraag": current.id});
    const legend = el("legend", {tabindex: "-1"}, [heading(question), question.label]);
    fieldset.append(legend);
    if (help) fieldset.append(help);
    const previous = answers[current.id];
    if (question.soort === "ja_nee" || question.soort === "keuze") {
      const options = question.soort === "ja_nee"
        ? [{waarde: "true", label: text.ja}, {waarde: "false", label: text.nee}]
        : question.keuzes;
      options.forEach((option, index) => {
        const optionId = id + "-" + index;
        const checked = previous !== undefined && String(previous) === option.waarde;
        const input = el("input", {type: "radio", name: current.id, id: optionId, value: option.waarde, checked, "aria-describedby": described});
        fieldset.append(el("div", {class: "catalogus-wizard__keuze"}, [input, el("label", {for: optionId, text: option.label})]));
      });
    } else {
      const label = question.eenheid ? fill(text.eenheid, {eenheid: question.eenheid}) : question.label;
      const input = el("input", {
        type: question.soort === "datum" ? "date" : "text",
        inputmode: question.soort === "getal" ? (question.geheel ? "numeric" : "decimal") : null,
        id: id + "-invoer", name: current.id, autocomplete: "off", "aria-describedby": described,
        value: previous === undefined ? null : String(previous).replace(".", ","),
      });
      fieldset.append(el("label", {for: id + "-invoer", class: "catalogus-wizard__eenheid", text: label}), input);
    }
    fieldset.append(error);
    const next = el("button", {type: "submit", class: "md-button md-button--primary", text: text.volgende});
    const skip = el("button", {type: "button", class: "md-button", text: text.overslaan});
    form.append(fieldset, buttons());
    if (focus) legend.focus({preventScroll: true});
  }

  // "Vraag 4 · Werk en inkomen": where the person is in the conversation.
  function heading(question) {
    const number = Object.keys(answers).length + skipped.length + 1;
    const topic = question.onderwerp ? " · " + text.onderwerpen[question.onderwerp] : "";
    return el("span", {class: "catalogus-wizard__nummer", text: text.vraag + " " + number + topic});
  }

  function buttons() {
    const next = el("button", {type: "submit", class: "md-button md-button--primary", text: text.volgende});
    const skip = el("button", {type: "button", class: "md-button", text: text.overslaan});
    skip.addEventListener("click", () => {
      for (const q of current.members) if (!skipped.includes(q)) skipped.push(q);
      if (editing === current.id) editing = null;
      render(true);
    });
    return el("div", {class: "catalogus-wizard__knoppen"}, [next, skip]);
  }

  // Yes/no questions of one group as checkboxes, with "none of these": one screen instead of five.
  function renderGroup(focus) {
    const first = data.vragen[current.id];
    const group = text.groepen[first.groep];
    const id = "vraag-" + current.id;
    const fieldset = el("fieldset", {"data-vraag": current.id, "data-groep": first.groep});
    const legend = el("legend", {tabindex: "-1"}, [heading(first), group.label]);
    fieldset.append(legend, el("p", {id: id + "-hulp", class: "catalogus-wizard__hulp", text: group.hulp}));
    const described = id + "-hulp " + id + "-fout";
    const boxes = current.members.map((q) => ({waarde: q, label: data.vragen[q].label})).concat([{waarde: "", label: group.geen}]);
    boxes.forEach((box, index) => {
      const boxId = id + "-" + index;
      const input = el("input", {type: "checkbox", name: "groep", id: boxId, value: box.waarde, "aria-describedby": described,
        checked: box.waarde !== "" && answers[box.waarde] === true});
      input.addEventListener("change", () => {
        if (!input.checked) return;
        form.querySelectorAll("input[name='groep']").forEach((other) => {
          if (other !== input && (box.waarde === "" || other.value === "")) other.checked = false;
        });
      });
      fieldset.append(el("div", {class: "catalogus-wizard__keuze"}, [input, el("label", {for: boxId, text: box.label})]));
    });
    fieldset.append(el("p", {id: id + "-fout", class: "catalogus-wizard__fout", role: "alert", hidden: true}));
    form.append(fieldset, buttons());
    if (focus) legend.focus({preventScroll: true});
  }

  function readAnswer(question) {
    const fields = form.elements;
    if (form.querySelector("fieldset[data-groep]")) {
      const chosen = [...form.querySelectorAll("input[name='groep']:checked")].map((input) => input.value);
      if (!chosen.length) return {error: text.fout_keuze};
      return {values: Object.fromEntries(current.members.map((q) => [q, chosen.includes(q)]))};
    }
    if (question.soort === "ja_nee" || question.soort === "keuze") {
      const chosen = form.querySelector("input[name='" + current.id + "']:checked");
      if (!chosen) return {error: text.fout_keuze};
      return {value: question.soort === "ja_nee" ? chosen.value === "true" : chosen.value};
    }
    const raw = fields[current.id].value.trim();
    if (question.soort === "datum") return /^\d{4}-\d{2}-\d{2}$/.test(raw) ? {value: raw} : {error: text.fout_datum};
    return parseNumber(raw, question.geheel);
  }

  function parseNumber(raw, whole) {
    // Belgian notation, Dutch or French: 12.500,50 or 12500,50 or 12 500; a lone dot followed by three digits is a
    // thousands separator.
    let cleaned = raw.replace(/[€\s]/g, "");
    if (cleaned.includes(",")) cleaned = cleaned.replace(/\./g, "").replace(",", ".");
    else if (/^\d{1,3}(\.\d{3})+$/.test(cleaned)) cleaned = cleaned.replace(/\./g, "");
    if (!/^\d+(\.\d+)?$/.test(cleaned)) return {error: whole ? text.fout_geheel : text.fout_getal};
    const value = Number(cleaned);
    if (value > 1000000000) return {error: text.fout_te_groot};
    if (whole && !Number.isInteger(value)) return {error: text.fout_geheel};
    if (/\.\d{3,}$/.test(cleaned)) return {error: text.fout_decimalen};
    return {value};
  }

  // The answer as every rule reads it: an answer the evaluator refuses (AnswerError) is an error at the question,
  // never stored (a stored one would stop every later render).
  function refusal(value) {
    const trial = Object.assign(allAnswers(), {[current.id]: value});
    const day = today();
    try {
      for (const product of products) evaluate(product.regel, trial, day);
    } catch (error) {
      if (!(error instanceof AnswerError)) throw error;
      return text["fout_" + error.code] || text.fout_getal;
    }
    return null;
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (current === null) return;
    const question = data.vragen[current.id];
    const read = readAnswer(question);
    const problem = read.error || (read.values ? null : refusal(read.value));
    if (problem) {
      const error = document.getElementById("vraag-" + current.id + "-fout");
      error.textContent = problem;
      error.hidden = false;
      const field = form.querySelector("input");
      form.querySelectorAll("input").forEach((input) => input.setAttribute("aria-invalid", "true"));
      field.focus();
      return;
    }
    Object.assign(answers, read.values || {[current.id]: read.value});
    skipped = skipped.filter((q) => !current.members.includes(q));
    editing = null;
    render(true);
  });

  function answerText(questionId) {
    const question = data.vragen[questionId], value = answers[questionId];
    if (question.soort === "ja_nee") return value ? text.ja : text.nee;
    if (question.soort === "keuze") return question.keuzes.find((k) => k.waarde === value).label;
    if (question.soort === "getal") return String(value).replace(".", ",") + (question.eenheid ? " (" + question.eenheid + ")" : "");
    return value;
  }

  function renderAnswers() {
    const given = order.filter((q) => answers[q] !== undefined);
    answersBox.hidden = given.length === 0;
    answersList.replaceChildren();
    for (const questionId of given) {
      const change = el("button", {type: "button", class: "catalogus-wizard__wijzig", text: text.wijzig, "aria-label": fill(text.wijzig_label, {vraag: data.vragen[questionId].label})});
      change.addEventListener("click", () => {
        editing = questionId;
        render(true);
      });
      answersList.append(el("dt", {text: data.vragen[questionId].label}), el("dd", {}, [answerText(questionId) + " ", change]));
    }
  }

  function reasons(product, result) {
    if (result.uitkomst === YES) {
      const category = result.categorieen.find((c) => c.id === result.categorie);
      const name = product.regel.categorieen.find((c) => c.id === category.id).naam;
      return {title: text.omdat, items: [fill(text.categorie, {naam: name, toekenning: text.toekenning[category.toekenning]}), ...category.beslissend.map((p) => product.uitleg[p])]};
    }
    if (result.uitkomst === NO) {
      const failed = [];
      for (const category of result.categorieen) {
        if (!category.geldig) continue;
        for (const path of category.beslissend) {
          const entry = category.spoor.find((s) => s.pad === path);
          if (entry && entry.uitkomst === NO && !failed.includes(product.uitleg[path])) failed.push(product.uitleg[path]);
        }
      }
      return {title: text.niet_voldaan, items: failed};
    }
    return {title: null, items: []};
  }

  // "Misschien": what the service also weighs (no question can tell), the answers still open, and whom to ask.
  function maybe(product, result) {
    const lines = [];
    for (const id of result.voorbehoud) {
      const category = product.regel.categorieen.find((c) => c.id === id);
      if (category.ook && !lines.includes(fill(text.voorbehoud, {tekst: category.ook}))) lines.push(fill(text.voorbehoud, {tekst: category.ook}));
    }
    const open = result.open_vragen.filter((q) => data.vragen[q]).map((q) => data.vragen[q].kort);
    if (open.length) lines.push(plural(text.uitkomst_uitleg.onbekend, open.length) + " " + fill(text.nog_open, {vragen: open.join("; ")}));
    if (product.contact) lines.push(fill(text.vraag_na, {contact: product.contact}));
    return lines;
  }

  function renderResults(results) {
    const rank = {al: 0, [YES]: 1, [UNKNOWN]: 2, [NO]: 3};
    const sorted = results.slice().sort((a, b) => rank[a.state] - rank[b.state]);
    const counts = {al: 0, [YES]: 0, [UNKNOWN]: 0, [NO]: 0};
    resultsList.replaceChildren();
    for (const {product, result, state} of sorted) {
      counts[state] += 1;
      const item = el("li", {class: "catalogus-resultaat catalogus-resultaat--" + state, "data-product": product.id, "data-uitkomst": state}, [
        el("h3", {}, [el("a", {href: base + product.url, text: product.titel}), " ",
          el("span", {class: "catalogus-resultaat__uitkomst", text: text.uitkomst[state]})]),
      ]);
      if (state === "al") {
        item.append(el("p", {text: text.al_uitleg}));
      } else if (state === UNKNOWN) {
        for (const line of maybe(product, result)) item.append(el("p", {class: "catalogus-resultaat__open", text: line}));
      } else {
        item.append(el("p", {text: text.uitkomst_uitleg[state]}));
      }
      if (state === YES) {
        if (product.ontvangt.length) {
          item.append(el("p", {class: "catalogus-resultaat__omdat", text: text.ontvangt}),
            el("ul", {class: "catalogus-resultaat__ontvangt"}, product.ontvangt.map((line) => el("li", {text: line}))));
        }
        if (product.eerste_stap) item.append(el("p", {class: "catalogus-resultaat__stap"}, [el("strong", {text: text.eerste_stap}), " " + product.eerste_stap]));
      }
      const why = state === "al" ? {items: []} : reasons(product, result);
      if (why.items.length) {
        item.append(el("p", {class: "catalogus-resultaat__omdat", text: why.title}),
          el("ul", {class: "catalogus-resultaat__redenen"}, why.items.map((reason) => el("li", {text: reason}))));
      }
      if (product.regel.ongeveer && state !== "al" && Object.keys(product.regel.grenzen).length) {
        item.append(el("p", {class: "catalogus-resultaat__benadering", text: fill(text.benadering, {jaar: product.regel.jaar})}));
      }
      resultsList.append(item);
    }
    const line = fill(text.samenvatting, {ja: counts[YES], misschien: counts[UNKNOWN], nee: counts[NO]});
    summary.textContent = counts.al ? line + " " + fill(text.samenvatting_al, {aantal: counts.al}) : line;
  }

  document.getElementById("rechten-wis").addEventListener("click", () => {
    for (const key of Object.keys(answers)) delete answers[key];
    skipped = [];
    editing = null;
    render(true);
  });

  root.hidden = false;
  const overview = document.getElementById("rechten-overzicht");
  if (overview) overview.hidden = true; // the page without JavaScript: the wizard says it better
  render(false);
})();
