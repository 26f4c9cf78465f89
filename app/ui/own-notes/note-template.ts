/** The text a new note starts from: the content format, one card and one question to copy. */
export const NEW_NOTE_TEMPLATE = `---
title: "The paper's full title"
short: Short name
kind: paper
authors: [First Author, Second Author]
year: 2024
venue: A venue 2024
link: https://arxiv.org/abs/0000.00000
area: concepts
tags: [my-notes]
prerequisites: []
introduces: [the main idea]
summary: One or two sentences on what the paper does and why it matters.
---

## The problem

What the paper sets out to solve. Mark a ==key term== to get a cloze card; write math as $x^2$.

\`\`\`card
id: main-idea
type: basic
front: What is the main idea of this paper?
back: Write the answer here.
\`\`\`

\`\`\`quiz
id: check-idea
type: single
prompt: Which statement describes the paper's idea?
choices:
  - The right answer
  - A wrong answer
answer: 0
explanation: Why the right answer is right.
cards: [main-idea]
\`\`\`
`;
