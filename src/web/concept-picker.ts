import { search, type ConceptRef } from "./api.js";
import { h } from "./dom.js";
import { kindStyle } from "./vocabulary-style.js";

export interface ConceptPicker {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  /** Shows a chosen concept's name in the box. */
  setValue(name: string): void;
}

let pickers = 0;

/**
 * A search box with as-you-type suggestions (ARIA 1.2 combobox with a listbox): arrow keys move
 * through the suggestions, Enter chooses, Escape closes. The service tolerates typos and synonyms.
 */
export function conceptPicker(options: { label: string; placeholder: string; onChoose(concept: ConceptRef): void }): ConceptPicker {
  const n = ++pickers;
  const listId = `picker-${n}-list`;
  const input = h("input", {
    id: `picker-${n}`,
    type: "search",
    role: "combobox",
    autocomplete: "off",
    spellcheck: "false",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": listId,
    placeholder: options.placeholder,
  });
  const list = h("ul", { id: listId, role: "listbox", "aria-label": `${options.label}: suggestions`, class: "suggestions", hidden: true });
  const element = h("div", { class: "picker" }, h("label", { for: input.id }, options.label), input, list);
  let hits: ConceptRef[] = [];
  let active = -1;
  let asked = 0;
  let timer: number | undefined;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const mark = (index: number) => {
    active = index;
    [...list.children].forEach((li, i) => li.setAttribute("aria-selected", String(i === index)));
    if (index >= 0) input.setAttribute("aria-activedescendant", `${listId}-${index}`);
    else input.removeAttribute("aria-activedescendant");
  };
  const choose = (concept: ConceptRef) => {
    input.value = concept.name;
    close();
    options.onChoose(concept);
  };
  const suggest = async (text: string) => {
    const ticket = ++asked;
    const found = text.trim().length < 2 ? [] : await search(text.trim()).catch(() => []);
    if (ticket !== asked) return;
    hits = found.map((hit) => hit.concept);
    list.replaceChildren(
      ...found.map((hit, i) =>
        h(
          "li",
          { id: `${listId}-${i}`, role: "option", "aria-selected": "false", "data-id": hit.concept.id, onmousedown: (e: Event) => e.preventDefault(), onclick: () => choose(hit.concept) },
          h("span", { class: "suggestion-name" }, hit.concept.name),
          h("span", { class: "suggestion-kind" }, ` ${kindStyle(hit.concept.kind).label}`),
          hit.matchedField !== "NAME" ? h("span", { class: "suggestion-match" }, ` (matched “${hit.matchedText.slice(0, 60)}”)`) : null,
        ),
      ),
    );
    if (found.length === 0) {
      close();
      return;
    }
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    mark(-1);
  };

  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void suggest(input.value), 120);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && hits.length > 0) mark((active + 1) % hits.length);
    else if (event.key === "ArrowUp" && hits.length > 0) mark(active <= 0 ? hits.length - 1 : active - 1);
    else if (event.key === "Enter" && !list.hidden && hits.length > 0) choose(hits[Math.max(active, 0)]!);
    else if (event.key === "Escape") close();
    else return;
    event.preventDefault();
  });
  input.addEventListener("blur", () => window.setTimeout(close, 150));
  return { element, input, setValue: (name) => (input.value = name) };
}
