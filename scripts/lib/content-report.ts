/**
 * The parts of `content:check` beyond errors (issue 13): quiz balance statistics over authored
 * and derived questions, which fail the check outside their bounds, and warnings about cards
 * listing too many facts, which do not.
 */
import { cardFactWarnings } from "@/app/lib/domain/content/card-facts";
import { balanceViolations, formatBalance, quizBalance } from "@/app/lib/domain/content/quiz-balance";
import type { Corpus } from "@/app/lib/domain/content/types";

/** Prints the balance report and the warnings; false when a balance statistic is out of bounds. */
export function reportQuizBalanceAndWarnings(corpus: Corpus): boolean {
  const questions = [...corpus.notes.flatMap((n) => n.questions), ...corpus.derived.questions];
  const balance = quizBalance(questions);
  console.log(formatBalance(balance).join("\n"));
  const warnings = cardFactWarnings(corpus.notes);
  for (const w of warnings) console.warn(`${w.file}:${w.line}: warning: ${w.message}`);
  if (warnings.length > 0) console.warn(`${warnings.length} warning(s)`);
  const violations = balanceViolations(balance);
  for (const v of violations) console.error(`quiz balance out of bounds: ${v.statistic}: ${v.message}`);
  if (violations.length > 0)
    console.error(`\n${violations.length} quiz balance statistic(s) out of bounds (docs/content-format.md, "Quiz balance")`);
  return violations.length === 0;
}
