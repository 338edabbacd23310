/*
 * Make wide tables reachable by keyboard (WCAG 2.1.1; axe rule "scrollable-region-focusable").
 *
 * Material wraps every content table in div.md-typeset__scrollwrap when the page loads. A wrapper
 * whose table is wider than the screen scrolls sideways, and a reader without a mouse can scroll it
 * only once it takes the focus: it becomes a named region in the tab order (then the arrow keys
 * scroll it). A wrapper whose table fits gets no extra tab stop. Both are re-checked whenever the
 * wrapper or its table changes size (window resized, phone turned).
 */
(() => {
  "use strict";

  const WRAPPER = ".md-typeset__scrollwrap";

  /** Return the text of the nearest heading above the table, without its permalink (¶). */
  const headingAbove = (wrapper) => {
    for (let node = wrapper.previousElementSibling; node; node = node.previousElementSibling) {
      if (/^H[1-6]$/.test(node.tagName)) {
        const heading = node.cloneNode(true);
        heading.querySelectorAll(".headerlink").forEach((link) => link.remove());
        return heading.textContent.trim();
      }
    }
    return "";
  };

  /** Put a wrapper into the tab order as a named region if it scrolls, take it out if not. */
  const update = (wrapper) => {
    if (wrapper.scrollWidth > wrapper.clientWidth) {
      const heading = headingAbove(wrapper);
      wrapper.tabIndex = 0;
      wrapper.setAttribute("role", "region");
      const name = heading ? `Tabelle: ${heading}` : "Tabelle";
      wrapper.setAttribute("aria-label", `${name} (seitlich scrollbar)`);
    } else {
      wrapper.removeAttribute("tabindex");
      wrapper.removeAttribute("role");
      wrapper.removeAttribute("aria-label");
    }
  };

  const observer = new ResizeObserver((entries) => {
    entries.forEach((entry) => update(entry.target.closest(WRAPPER)));
  });

  const watch = () => {
    document.querySelectorAll(WRAPPER).forEach((wrapper) => {
      observer.observe(wrapper);
      if (wrapper.firstElementChild) observer.observe(wrapper.firstElementChild);
    });
  };

  // document$ is Material's documented hook: it fires after Material has set up each page.
  if (window.document$) window.document$.subscribe(watch);
  else window.addEventListener("load", watch);
})();
