// @ts-check
/**
 * The colour theme, in one place for the React header (App Router pages), the note page's
 * islands (no React there) and every page's inline head script. Dark mode is the `dark` class
 * on <html>; a choice made with the toggle is kept in localStorage, else the system's applies.
 */

/**
 * Inline in every page's <head>: runs before paint, so a dark-mode user never sees a white
 * flash. It re-applies the theme when another window of the site saves one (the `storage`
 * event): another tab, or, for a widget's iframe, the note page around it.
 */
export const themeScript = `(function(){function a(){try{var t=localStorage.getItem("theme");var d=t?t==="dark":matchMedia("(prefers-color-scheme: dark)").matches;document.documentElement.classList.toggle("dark",d)}catch(e){}}a();addEventListener("storage",function(e){if(e.key==="theme"||e.key===null)a()})})()`;

/** @returns {boolean} whether the page shows the dark theme now */
export function isDark() {
  return document.documentElement.classList.contains("dark");
}

/**
 * Switches between light and dark and keeps the choice (other windows follow through
 * themeScript's `storage` listener).
 * @returns {boolean} whether the dark theme is on now
 */
export function toggleTheme() {
  const dark = !isDark();
  document.documentElement.classList.toggle("dark", dark);
  localStorage.setItem("theme", dark ? "dark" : "light");
  return dark;
}

/**
 * The toggle's accessible name: what pressing it will do.
 * @param {boolean | null} dark whether the dark theme is on (null: not known yet, before any script ran)
 * @returns {string}
 */
export function themeToggleLabel(dark) {
  return dark ? "Switch to light mode" : "Switch to dark mode";
}
