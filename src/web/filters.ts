import { h } from "./dom.js";
import { kindStyle, relationLabel } from "./vocabulary-style.js";

/** Check boxes that show or hide concepts by kind and links by relation type. */
export function renderFilters(
  container: HTMLElement,
  options: { kinds: readonly string[]; types: readonly string[]; hiddenKinds: readonly string[]; hiddenTypes: readonly string[]; onChange(hiddenKinds: string[], hiddenTypes: string[]): void },
): void {
  const kinds = [...new Set([...options.kinds, ...options.hiddenKinds])].sort();
  const types = [...new Set([...options.types, ...options.hiddenTypes])].sort();
  const hiddenKinds = new Set(options.hiddenKinds);
  const hiddenTypes = new Set(options.hiddenTypes);
  const box = (value: string, label: string, hidden: Set<string>, name: string) =>
    h(
      "label",
      { class: "filter" },
      h("input", {
        type: "checkbox",
        name,
        value,
        checked: !hidden.has(value),
        onchange: (event: Event) => {
          if ((event.target as HTMLInputElement).checked) hidden.delete(value);
          else hidden.add(value);
          options.onChange([...hiddenKinds], [...hiddenTypes]);
        },
      }),
      ` ${label}`,
    );
  container.replaceChildren(
    h("summary", {}, `Filters${hiddenKinds.size + hiddenTypes.size > 0 ? ` (${hiddenKinds.size + hiddenTypes.size} hidden)` : ""}`),
    h("fieldset", {}, h("legend", {}, "Concept kinds to show"), ...kinds.map((k) => box(k, kindStyle(k).label, hiddenKinds, "kind"))),
    h("fieldset", {}, h("legend", {}, "Link types to show"), ...types.map((t) => box(t, relationLabel(t), hiddenTypes, "type"))),
  );
}
