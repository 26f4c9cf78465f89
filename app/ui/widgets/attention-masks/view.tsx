"use client";

import { useMemo, useState } from "react";
import {
  Controls,
  Heatmap,
  NumbersTable,
  Readout,
  SeedField,
  Select,
  TextField,
  WidgetFrame,
  fmt,
} from "../ui";
import { allowedPairs, attentionWeights, tokenize, toyScores } from "./core";

const NAME = "attention-masks";
const id = (part: string) => `widget-${NAME}-${part}`;

export default function AttentionMasksView() {
  const [sentence, setSentence] = useState("the cat sat on the mat");
  const [seed, setSeed] = useState(1);
  const [query, setQuery] = useState(2);

  const tokens = useMemo(() => {
    const words = tokenize(sentence);
    return words.length > 0 ? words : ["…"];
  }, [sentence]);
  const n = tokens.length;
  const focus = Math.min(query, n - 1);

  const { bert, gpt } = useMemo(() => {
    const scores = toyScores(n, seed);
    return {
      bert: attentionWeights(scores, "bidirectional"),
      gpt: attentionWeights(scores, "causal"),
    };
  }, [n, seed]);

  const labels = tokens.map((t, i) => `${i + 1}. ${t}`);
  return (
    <WidgetFrame name={NAME} title="Bidirectional (BERT) vs causal (GPT) attention">
      <Controls>
        <TextField
          label="Sentence (up to 8 words)"
          value={sentence}
          onChange={setSentence}
          testId={id("sentence")}
        />
        <Select
          label="Query token (highlighted row)"
          value={focus}
          options={tokens.map((t, i) => ({ value: i, label: `${i + 1}. ${t}` }))}
          onChange={setQuery}
          testId={id("query")}
        />
        <SeedField value={seed} onChange={setSeed} testId={id("seed")} />
      </Controls>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Rows are queries, columns keys; each row is a softmax and sums to 1. Scores come from toy
        random vectors (seeded), the same for both models: only the mask differs.
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <Heatmap
          caption="BERT: every token attends to every token"
          matrix={bert}
          rowLabels={labels}
          colLabels={tokens}
          testIdPrefix={id("bert")}
          highlight={(r) => r === focus}
        />
        <Heatmap
          caption="GPT: token i attends to tokens 1…i only"
          matrix={gpt}
          rowLabels={labels}
          colLabels={tokens}
          testIdPrefix={id("gpt")}
          highlight={(r) => r === focus}
          blank={(r, c) => c > r}
        />
      </div>
      <Controls>
        <Readout
          label="Pairs that interact, BERT (n²)"
          value={String(allowedPairs(n, "bidirectional"))}
          testId={id("bert-pairs")}
        />
        <Readout
          label="Pairs that interact, GPT (n(n+1)/2)"
          value={String(allowedPairs(n, "causal"))}
          testId={id("gpt-pairs")}
        />
        <Readout
          label={`“${tokens[focus] ?? ""}” attends to itself (GPT)`}
          value={fmt(gpt[focus]?.[focus] ?? NaN)}
          testId={id("gpt-self-weight")}
          emphasis
        />
      </Controls>
      <NumbersTable
        summary="Show the weights of the query row as a table"
        head={["key", "BERT weight", "GPT weight"]}
        rows={tokens.map((t, j) => [
          `${j + 1}. ${t}`,
          fmt(bert[focus]?.[j] ?? NaN),
          fmt(gpt[focus]?.[j] ?? NaN),
        ])}
      />
    </WidgetFrame>
  );
}
