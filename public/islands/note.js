// @ts-check
/**
 * The note page's islands. The note page (pages/papers/[slug].tsx) ships no React or Next
 * runtime: it is server markup, and this module, loaded by pages/_document.tsx, gives it its
 * behaviour. The components mark what it handles:
 *
 *   data-island="theme-toggle"  the header's light/dark switch (app/ui/shell/theme-toggle.tsx)
 *   data-island="disclosure"    a button that shows and hides the element it aria-controls:
 *                               a card's answer (app/ui/notes/inline-card.tsx), the small-screen
 *                               menu (app/ui/shell/nav-links.tsx)
 *   data-island="account"       the header's account corner (app/ui/shell/account-slot.tsx)
 *   data-island="note-panel"    mastery and the study-set button (app/ui/notes/note-user-panel.tsx)
 *   data-island="widget"        where a widget's iframe goes (app/ui/widgets/widget-frame.tsx)
 *
 * Markup with several states holds them all: each element's data-when lists the states it
 * shows in, and the island unhides those (see `show`).
 */
import { accountMenuLabel, signOut, userInitial } from "./session.js";
import { isDark, themeToggleLabel, toggleTheme } from "./theme.js";
import { readWidgetMessage } from "./widget-message.js";

/** @typedef {{ name: string | null, email: string }} Me */
/** @typedef {{ signedIn: boolean, inStudySet?: boolean, mastery?: number }} NoteStatus */

/**
 * @param {string} name
 * @param {ParentNode} [root]
 * @returns {HTMLElement[]}
 */
function islands(name, root = document) {
  return Array.from(root.querySelectorAll(`[data-island="${name}"]`)).filter((el) => el instanceof HTMLElement);
}

/**
 * @param {ParentNode} root
 * @param {string} name
 * @returns {HTMLElement | null} the element marked data-part=`name` inside `root`
 */
function part(root, name) {
  const element = root.querySelector(`[data-part="${name}"]`);
  return element instanceof HTMLElement ? element : null;
}

/**
 * Shows the elements of `root` whose data-when lists `state`, hides its other data-when elements.
 * @param {ParentNode} root
 * @param {string} state
 */
function show(root, state) {
  for (const element of root.querySelectorAll("[data-when]")) {
    if (element instanceof HTMLElement) element.hidden = !(element.dataset.when ?? "").split(" ").includes(state);
  }
}

/**
 * @param {string} url
 * @param {RequestInit} [init]
 * @returns {Promise<{ ok: boolean, body: Record<string, unknown> }>} the JSON body ({} if none)
 */
async function fetchJson(url, init) {
  const response = await fetch(url, { cache: "no-store", ...init });
  const body = /** @type {unknown} */ (await response.json().catch(() => ({})));
  return { ok: response.ok, body: typeof body === "object" && body !== null ? /** @type {Record<string, unknown>} */ (body) : {} };
}

function themeToggles() {
  const buttons = islands("theme-toggle");
  const label = () => {
    const dark = isDark();
    for (const button of buttons) {
      button.setAttribute("aria-label", themeToggleLabel(dark));
      button.setAttribute("aria-pressed", String(dark));
    }
  };
  for (const button of buttons) {
    button.addEventListener("click", () => {
      toggleTheme();
      label();
    });
  }
  // Another tab switched the theme (the head script has applied it already).
  window.addEventListener("storage", label);
  label();
}

/** One listener for every disclosure button, wherever it is. */
function disclosures() {
  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-island="disclosure"]') : null;
    const target = button && document.getElementById(button.getAttribute("aria-controls") ?? "");
    if (!button || !target) return;
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    target.hidden = !open;
  });
}

/**
 * The signed-in user's menu: their initial and email filled in; opens on click, closes on
 * Escape or a click elsewhere, as app/ui/shell/user-menu.tsx does.
 * @param {HTMLElement} root
 * @param {Me} me
 */
function userMenu(root, me) {
  const button = part(root, "button");
  const menu = root.querySelector('[role="menu"]');
  const email = part(root, "email");
  if (!button || !(menu instanceof HTMLElement) || !email) return;
  button.textContent = userInitial(me.name ?? me.email);
  button.setAttribute("aria-label", accountMenuLabel(me.email));
  email.textContent = me.email;
  /** @param {boolean} open */
  const setOpen = (open) => {
    button.setAttribute("aria-expanded", String(open));
    menu.hidden = !open;
  };
  button.addEventListener("click", () => setOpen(menu.hidden));
  document.addEventListener("mousedown", (event) => {
    if (!menu.hidden && event.target instanceof Node && !root.contains(event.target)) setOpen(false);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !menu.hidden) setOpen(false);
  });
  part(root, "sign-out")?.addEventListener("click", () => void signOut("/"));
}

async function account() {
  const slot = islands("account")[0];
  if (!slot) return;
  /** @type {Me | null} */
  let me = null;
  try {
    me = /** @type {{ user?: Me | null }} */ ((await fetchJson("/api/me")).body).user ?? null;
  } catch {
    // Offline or the server is down: offer to sign in, as the React header does.
  }
  const menu = islands("user-menu", slot)[0];
  if (me && menu) userMenu(menu, me);
  show(slot, me ? "user" : "guest");
}

/**
 * The study-set button: PUT or DELETE /api/me/study-set/<slug>, then `aria-pressed` (which
 * the label and colours follow) from the answer; a refusal's message is shown under it.
 * @param {HTMLElement} panel
 * @param {string} slug
 * @param {boolean} inStudySet
 */
function studySetButton(panel, slug, inStudySet) {
  const button = part(panel, "study-set");
  const error = part(panel, "study-set-error");
  if (!(button instanceof HTMLButtonElement) || !error) return;
  button.setAttribute("aria-pressed", String(inStudySet));
  const toggle = async () => {
    const adding = button.getAttribute("aria-pressed") !== "true";
    button.disabled = true;
    error.hidden = true;
    try {
      const { ok, body } = await fetchJson(`/api/me/study-set/${encodeURIComponent(slug)}`, { method: adding ? "PUT" : "DELETE" });
      if (!ok) throw new Error(typeof body.error === "string" ? body.error : "Something went wrong on our side. Nothing was saved.");
      button.setAttribute("aria-pressed", String(body.inStudySet === true));
    } catch (failure) {
      error.textContent = failure instanceof TypeError ? "Could not reach the server. Nothing was saved." : String(/** @type {Error} */ (failure).message);
      error.hidden = false;
    } finally {
      button.disabled = false;
    }
  };
  button.addEventListener("click", () => void toggle());
}

/**
 * The signed-in user's side of the note (the page itself is the same for everyone).
 * @param {HTMLElement} panel
 */
async function notePanel(panel) {
  const slug = panel.dataset.slug ?? "";
  /** @type {NoteStatus} */
  let status;
  try {
    const { ok, body } = await fetchJson(`/api/me/notes/${encodeURIComponent(slug)}`);
    if (!ok) throw new Error("status");
    status = /** @type {NoteStatus} */ (body);
  } catch {
    show(panel, "error");
    return;
  }
  if (!status.signedIn) {
    show(panel, "guest");
    return;
  }
  const percent = Math.round((status.mastery ?? 0) * 100);
  const text = part(panel, "mastery");
  const bar = part(panel, "mastery-bar");
  if (text) text.textContent = `${percent}%`;
  bar?.setAttribute("aria-valuenow", String(percent));
  if (bar?.firstElementChild instanceof HTMLElement) bar.firstElementChild.style.width = `${percent}%`;
  studySetButton(panel, slug, status.inStudySet === true);
  show(panel, "user");
}

/**
 * Widgets: each placeholder becomes an <iframe> of its embed page when it comes within 200 px
 * of the viewport. The embed posts its height and state (public/islands/widget-message.js):
 * the iframe takes the height, the figure's data-state the state.
 */
function widgets() {
  const boxes = islands("widget");
  if (boxes.length === 0) return;
  /** @param {HTMLElement} box @param {string} state */
  const setState = (box, state) => {
    const figure = box.closest("figure");
    if (figure) figure.dataset.state = state;
  };
  window.addEventListener("message", (event) => {
    if (event.origin !== window.location.origin) return;
    const message = readWidgetMessage(event.data);
    const box = message && boxes.find((b) => b.querySelector("iframe")?.contentWindow === event.source);
    const frame = box?.querySelector("iframe");
    if (!message || !box || !frame) return;
    frame.style.height = `${message.height}px`;
    // Once its iframe is there the figure is past waiting, whatever the slot inside says.
    setState(box, message.state === "waiting" ? "loading" : message.state);
  });
  /** @param {HTMLElement} box */
  const load = (box) => {
    if (box.querySelector("iframe")) return;
    const frame = document.createElement("iframe");
    frame.src = box.dataset.src ?? "";
    frame.title = box.dataset.title ?? "Interactive figure";
    frame.style.height = `${box.offsetHeight}px`;
    for (const child of box.children) if (child instanceof HTMLElement) child.hidden = true;
    box.append(frame);
    setState(box, "loading");
  };
  // Without IntersectionObserver (very old browsers) load straight away rather than never.
  if (typeof IntersectionObserver === "undefined") {
    boxes.forEach(load);
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting || !(entry.target instanceof HTMLElement)) continue;
        observer.unobserve(entry.target);
        load(entry.target);
      }
    },
    { rootMargin: "200px" },
  );
  for (const box of boxes) observer.observe(box);
}

function enhance() {
  themeToggles();
  disclosures();
  void account();
  for (const panel of islands("note-panel")) void notePanel(panel);
  widgets();
}

/**
 * Enhances the page once it is ours to change: at once in a production build, where no React
 * runs here. `next dev` ships React anyway and hydrates the page; a change made before that
 * would make React render it again and drop the islands' work, so wait for the mark
 * app/ui/shell/hydration-signal.tsx puts on <html> after hydrating.
 */
function whenStatic() {
  const root = document.documentElement;
  if (!document.getElementById("__NEXT_DATA__") || root.dataset.hydrated) {
    enhance();
    return;
  }
  const observer = new MutationObserver(() => {
    if (!root.dataset.hydrated) return;
    observer.disconnect();
    enhance();
  });
  observer.observe(root, { attributes: true, attributeFilter: ["data-hydrated"] });
}

whenStatic();
