/** The site's name, description and theme colours: App Router metadata and the note page's <Head> share them. */
export const SITE_NAME = "PaperDeck";
export const SITE_DESCRIPTION = "Study deep-learning papers: notes, spaced-repetition cards, quizzes and widgets.";

/** "MoCo · PaperDeck" */
export const pageTitle = (title: string) => `${title} · ${SITE_NAME}`;

export const THEME_COLORS = [
  { media: "(prefers-color-scheme: light)", color: "#ffffff" },
  { media: "(prefers-color-scheme: dark)", color: "#020617" },
];
