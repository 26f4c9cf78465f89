/**
 * The colour theme: dark mode is the `dark` class on <html>; a choice made with the toggle is
 * kept in localStorage, else the system's applies.
 */

/**
 * Inline in every page's <head>: runs before paint, so a dark-mode user never sees a white
 * flash. It re-applies the theme when another tab of the site saves one (the `storage` event).
 */
export const themeScript = `(function(){function a(){try{var t=localStorage.getItem("theme");var d=t?t==="dark":matchMedia("(prefers-color-scheme: dark)").matches;document.documentElement.classList.toggle("dark",d)}catch(e){}}a();addEventListener("storage",function(e){if(e.key==="theme"||e.key===null)a()})})()`;

/** Whether the page shows the dark theme now. */
export function isDark(): boolean {
  return document.documentElement.classList.contains("dark");
}

/**
 * Switches between light and dark and keeps the choice (other tabs follow through
 * themeScript's `storage` listener). Returns whether the dark theme is on now.
 */
export function toggleTheme(): boolean {
  const dark = !isDark();
  document.documentElement.classList.toggle("dark", dark);
  localStorage.setItem("theme", dark ? "dark" : "light");
  return dark;
}

