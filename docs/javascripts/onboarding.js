/*
 * Onboarding checklists: a checkbox before each step, remembered in this browser's localStorage.
 *
 * A page with a checklist holds div.onboarding-progress[data-checklist] (hidden without JavaScript, so
 * the steps stay a plain, readable list) and one span[data-step] per step. Each tick is stored under
 * "onboarding:<checklist>:<step>", where both parts come from ids in onboarding.yml, never from a
 * position: reordering or adding steps leaves the ticks where they were. Nothing is sent anywhere.
 */
(() => {
  "use strict";

  const PREFIX = "onboarding:";

  /** Read one stored tick; storage may be switched off, then nothing is remembered. */
  const isStored = (key) => {
    try {
      return window.localStorage.getItem(key) === "1";
    } catch (error) {
      return false;
    }
  };

  /** Store or forget one tick. */
  const store = (key, ticked) => {
    try {
      if (ticked) {
        window.localStorage.setItem(key, "1");
      } else {
        window.localStorage.removeItem(key);
      }
    } catch (error) {
      /* storage switched off: the tick lasts until the page is left */
    }
  };

  /** Put a labelled checkbox before one step; the step's text becomes the label. */
  const addCheckbox = (step, checklist) => {
    const key = `${PREFIX}${checklist}:${step.dataset.step}`;
    const box = document.createElement("input");
    box.type = "checkbox";
    box.id = `haken-${step.dataset.step}`;
    box.className = "onboarding-step__box";
    box.checked = isStored(key);
    box.dataset.key = key;
    const label = document.createElement("label");
    label.htmlFor = box.id;
    label.className = "onboarding-step__label";
    step.parentNode.insertBefore(label, step);
    label.append(box, step);
    return box;
  };

  /** Say how many steps are done, e.g. "3 von 12 Schritten erledigt". */
  const report = (status, boxes) => {
    const done = boxes.filter((box) => box.checked).length;
    status.textContent = `${done} von ${boxes.length} Schritten erledigt`;
    boxes.forEach((box) => box.closest("li")?.classList.toggle("onboarding-step--done", box.checked));
  };

  const setUp = (progress) => {
    const checklist = progress.dataset.checklist;
    const content = progress.closest("article") || document;
    const boxes = Array.from(content.querySelectorAll("span[data-step]"), (step) => addCheckbox(step, checklist));
    const status = progress.querySelector(".onboarding-progress__status");
    boxes.forEach((box) => box.addEventListener("change", () => {
      store(box.dataset.key, box.checked);
      report(status, boxes);
    }));
    progress.querySelector(".onboarding-progress__reset").addEventListener("click", () => {
      boxes.forEach((box) => {
        box.checked = false;
        store(box.dataset.key, false);
      });
      report(status, boxes);
    });
    progress.hidden = false;
    report(status, boxes);
  };

  document.querySelectorAll(".onboarding-progress[data-checklist]").forEach(setUp);
})();
