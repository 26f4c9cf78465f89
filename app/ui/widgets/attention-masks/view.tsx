"use client";

import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import {
  Controls,
  Heatmap,
  NumbersTable,
  Readout,
  SeedField,
  Select,
  TextField,
  WidgetFrame,
  useFmt,
} from "../ui";
import { allowedPairs, attentionWeights, tokenize, toyScores } from "./core";

const NAME = "attention-masks";
const id = (part: string) => `widget-${NAME}-${part}`;

export default function AttentionMasksView() {
  const t = useTranslations("widgets.attention-masks");
  const fmt = useFmt();
  // The starting sentence is in the reader's language (Chinese words separated by spaces).
  const [sentence, setSentence] = useState(() => t("defaultSentence"));
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

  const labels = tokens.map((token, i) => `${i + 1}. ${token}`);
  return (
    <WidgetFrame name={NAME} title={t("title")}>
      <Controls>
        <TextField
          label={t("sentence")}
          value={sentence}
          onChange={setSentence}
          testId={id("sentence")}
        />
        <Select
          label={t("query")}
          value={focus}
          options={tokens.map((token, i) => ({ value: i, label: `${i + 1}. ${token}` }))}
          onChange={setQuery}
          testId={id("query")}
        />
        <SeedField value={seed} onChange={setSeed} testId={id("seed")} />
      </Controls>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {t("explain")}
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <Heatmap
          caption={t("bertCaption")}
          matrix={bert}
          rowLabels={labels}
          colLabels={tokens}
          testIdPrefix={id("bert")}
          highlight={(r) => r === focus}
        />
        <Heatmap
          caption={t("gptCaption")}
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
          label={t("bertPairs")}
          value={String(allowedPairs(n, "bidirectional"))}
          testId={id("bert-pairs")}
        />
        <Readout
          label={t("gptPairs")}
          value={String(allowedPairs(n, "causal"))}
          testId={id("gpt-pairs")}
        />
        <Readout
          label={t("selfWeight", { token: tokens[focus] ?? "" })}
          value={fmt(gpt[focus]?.[focus] ?? NaN)}
          testId={id("gpt-self-weight")}
          emphasis
        />
      </Controls>
      <NumbersTable
        summary={t("tableSummary")}
        head={[t("headKey"), t("headBert"), t("headGpt")]}
        rows={tokens.map((token, j) => [
          `${j + 1}. ${token}`,
          fmt(bert[focus]?.[j] ?? NaN),
          fmt(gpt[focus]?.[j] ?? NaN),
        ])}
      />
    </WidgetFrame>
  );
}
