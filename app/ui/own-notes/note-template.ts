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

/** The same template for a reader of the Chinese interface (the keys of the format stay English). */
export const NEW_NOTE_TEMPLATE_ZH = `---
title: "论文的完整标题"
short: 简称
kind: paper
authors: [第一作者, 第二作者]
year: 2024
venue: 会议或期刊 2024
link: https://arxiv.org/abs/0000.00000
area: concepts
tags: [my-notes]
prerequisites: []
introduces: [核心思想]
summary: 用一两句话说明这篇论文做了什么、为什么重要。
---

## 要解决的问题

论文想解决什么问题。用 ==关键术语== 标出的词会生成填空卡片；公式写成 $x^2$。

\`\`\`card
id: main-idea
type: basic
front: 这篇论文的核心思想是什么？
back: 在这里写答案。
\`\`\`

\`\`\`quiz
id: check-idea
type: single
prompt: 哪一项描述了这篇论文的思想？
choices:
  - 正确的答案
  - 错误的答案
answer: 0
explanation: 为什么正确答案是对的。
cards: [main-idea]
\`\`\`
`;

/** The template in the reader's interface language. */
export function newNoteTemplate(locale: string): string {
  return locale.startsWith("zh") ? NEW_NOTE_TEMPLATE_ZH : NEW_NOTE_TEMPLATE;
}
