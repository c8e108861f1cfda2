/** The labelled question sets and the corpus each is asked against. */
export interface QuestionSet {
  name: string;
  questions: string;
  corpus: readonly string[];
}

const fixtures = (name: string, articles: string): QuestionSet => ({
  name,
  questions: `tests/fixtures/${name}-questions.json`,
  corpus: ["corpus", `tests/fixtures/${articles}`],
});

export const QUESTION_SETS: readonly QuestionSet[] = [
  { name: "dev", questions: "tests/fixtures/dev-questions.json", corpus: ["corpus"] },
  { name: "paraphrase", questions: "tests/fixtures/paraphrase-questions.json", corpus: ["corpus"] },
  fixtures("extra", "extra-articles"),
  fixtures("more", "more-articles"),
  fixtures("third", "third-articles"),
  fixtures("fourth", "fourth-articles"),
  fixtures("fifth", "fifth-articles"),
  { name: "rewrite", questions: "tests/fixtures/rewrite-questions.json", corpus: ["corpus"] },
  {
    // Rebuilt on this machine only (never committed): see ../shared/eval/real/README.md.
    name: "real",
    questions: "../shared/eval/real/questions.json",
    corpus: ["corpus", ".tijarat/real/articles"],
  },
];
