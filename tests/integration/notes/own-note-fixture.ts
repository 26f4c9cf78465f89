/** A small valid own note (one card, one question, one key term), unique by `word` for search. */
export function ownNoteText(word: string, options: { title?: string; back?: string; prerequisites?: string[]; extraCard?: boolean } = {}): string {
  return `---
title: "${options.title ?? `Notes on ${word}`}"
short: ${word}
kind: concept
authors: []
area: concepts
tags: [own-notes]
prerequisites: [${(options.prerequisites ?? []).join(", ")}]
summary: My own summary about ${word}.
---

## Idea

The ${word} trick is a ==${word} method== that I read about in a paper outside the corpus.

\`\`\`card
id: what-is-it
type: basic
front: What is ${word}?
back: ${options.back ?? `A trick called ${word}.`}
\`\`\`
${options.extraCard ? `
\`\`\`card
id: second
type: basic
front: Why ${word}?
back: Because it helps.
\`\`\`
` : ""}
\`\`\`quiz
id: pick-it
type: single
prompt: Which trick is ${word}?
choices:
  - The ${word} trick
  - Another trick entirely
answer: 0
explanation: It is the ${word} trick.
cards: [what-is-it]
\`\`\`
`;
}
