/* The "Waar heb ik recht op?" wizard. Asks only questions that can still change an outcome, the most decisive
   first (the question open in most products; ties in the order of vragen.yml), and shows after every answer
   which products apply. Answers live in this page only: no request, no storage. Every word comes from the page's
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
  const answers = {};
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

  function nextQuestion(results) {
    if (editing) return editing;
    const weight = {};
    for (const result of results) {
      if (result.uitkomst !== UNKNOWN) continue;
      for (const question of result.open_vragen) weight[question] = (weight[question] || 0) + 1;
    }
    const candidates = Object.keys(weight).filter((q) => !skipped.includes(q) && data.vragen[q]);
    candidates.sort((a, b) => weight[b] - weight[a] || order.indexOf(a) - order.indexOf(b));
    return candidates.length ? candidates[0] : null;
  }

  function render(focus) {
    const day = today();
    const results = products.map((product) => ({product, result: evaluate(product.regel, answers, day)}));
    current = nextQuestion(results.map((r) => r.result));
    renderQuestion(results, focus);
    renderAnswers();
    renderResults(results);
  }

  function renderQuestion(results, focus) {
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
    const question = data.vragen[current];
    const id = "vraag-" + current;
    const help = question.hulp ? el("p", {id: id + "-hulp", class: "catalogus-wizard__hulp", text: question.hulp}) : null;
    const error = el("p", {id: id + "-fout", class: "catalogus-wizard__fout", role: "alert", hidden: true});
    const described = [help ? id + "-hulp" : null, id + "-fout"].filter(Boolean).join(" ");
    const fieldset = el("fieldset", {"data-vraag": current});
    const number = Object.keys(answers).length + skipped.length + 1;
    const legend = el("legend", {tabindex: "-1"}, [el("span", {class: "catalogus-wizard__nummer", text: text.vraag + " " + number}), question.label]);
    fieldset.append(legend);
    if (help) fieldset.append(help);
    const previous = answers[current];
    if (question.soort === "ja_nee" || question.soort === "keuze") {
      const options = question.soort === "ja_nee"
        ? [{waarde: "true", label: text.ja}, {waarde: "false", label: text.nee}]
        : question.keuzes;
      options.forEach((option, index) => {
        const optionId = id + "-" + index;
        const checked = previous !== undefined && String(previous) === option.waarde;
        const input = el("input", {type: "radio", name: current, id: optionId, value: option.waarde, checked, "aria-describedby": described});
        fieldset.append(el("div", {class: "catalogus-wizard__keuze"}, [input, el("label", {for: optionId, text: option.label})]));
      });
    } else {
      const label = question.eenheid ? fill(text.eenheid, {eenheid: question.eenheid}) : question.label;
      const input = el("input", {
        type: question.soort === "datum" ? "date" : "text",
        inputmode: question.soort === "getal" ? (question.geheel ? "numeric" : "decimal") : null,
        id: id + "-invoer", name: current, autocomplete: "off", "aria-describedby": described,
        value: previous === undefined ? null : String(previous).replace(".", ","),
      });
      fieldset.append(el("label", {for: id + "-invoer", class: "catalogus-wizard__eenheid", text: label}), input);
    }
    fieldset.append(error);
    const next = el("button", {type: "submit", class: "md-button md-button--primary", text: text.volgende});
    const skip = el("button", {type: "button", class: "md-button", text: text.overslaan});
    skip.addEventListener("click", () => {
      if (!skipped.includes(current)) skipped.push(current);
      if (editing === current) editing = null;
      render(true);
    });
    form.append(fieldset, el("div", {class: "catalogus-wizard__knoppen"}, [next, skip]));
    if (focus) legend.focus();
  }

  function readAnswer(question) {
    const fields = form.elements;
    if (question.soort === "ja_nee" || question.soort === "keuze") {
      const chosen = form.querySelector("input[name='" + current + "']:checked");
      if (!chosen) return {error: text.fout_keuze};
      return {value: question.soort === "ja_nee" ? chosen.value === "true" : chosen.value};
    }
    const raw = fields[current].value.trim();
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
    const trial = Object.assign({}, answers, {[current]: value});
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
    const question = data.vragen[current];
    const read = readAnswer(question);
    const problem = read.error || refusal(read.value);
    if (problem) {
      const error = document.getElementById("vraag-" + current + "-fout");
      error.textContent = problem;
      error.hidden = false;
      const field = form.querySelector("input[name='" + current + "']");
      form.querySelectorAll("input").forEach((input) => input.setAttribute("aria-invalid", "true"));
      field.focus();
      return;
    }
    answers[current] = read.value;
    skipped = skipped.filter((q) => q !== current);
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

  function renderResults(results) {
    const rank = {[YES]: 0, [UNKNOWN]: 1, [NO]: 2};
    const sorted = results.slice().sort((a, b) => rank[a.result.uitkomst] - rank[b.result.uitkomst]);
    const counts = {[YES]: 0, [UNKNOWN]: 0, [NO]: 0};
    resultsList.replaceChildren();
    for (const {product, result} of sorted) {
      counts[result.uitkomst] += 1;
      const outcome = result.uitkomst;
      const why = reasons(product, result);
      const explanation = outcome === UNKNOWN
        ? plural(text.uitkomst_uitleg.onbekend, result.open_vragen.length)
        : text.uitkomst_uitleg[outcome];
      const item = el("li", {class: "catalogus-resultaat catalogus-resultaat--" + outcome, "data-product": product.id, "data-uitkomst": outcome}, [
        el("h3", {}, [el("a", {href: base + product.url, text: product.titel}), " ",
          el("span", {class: "catalogus-resultaat__uitkomst", text: text.uitkomst[outcome]})]),
        el("p", {text: explanation}),
      ]);
      if (why.items.length) {
        item.append(el("p", {class: "catalogus-resultaat__omdat", text: why.title}),
          el("ul", {class: "catalogus-resultaat__redenen"}, why.items.map((reason) => el("li", {text: reason}))));
      }
      resultsList.append(item);
    }
    summary.textContent = fill(text.samenvatting, {ja: counts[YES], misschien: counts[UNKNOWN], nee: counts[NO]});
  }

  document.getElementById("rechten-wis").addEventListener("click", () => {
    for (const key of Object.keys(answers)) delete answers[key];
    skipped = [];
    editing = null;
    render(true);
  });

  root.hidden = false;
  render(false);
})();
