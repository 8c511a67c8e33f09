import { ADVISOR_QUESTIONS, type AdvisorAnswers, recommendArchetype } from "@rolemap/domain";
import { useState } from "react";
import { useNavigate } from "react-router";
import { describeError } from "../../api/client";
import { useCreateChart, useTemplates } from "../../api/hooks";
import styles from "./Advisor.module.css";

type QuestionId = keyof AdvisorAnswers;
type Answers = { [K in QuestionId]?: AdvisorAnswers[K] };

const isComplete = (answers: Answers): answers is AdvisorAnswers =>
  ADVISOR_QUESTIONS.every((question) => answers[question.id] !== undefined);

/** "Which roles do we need?": four questions → an archetype, why, and a button to open it. */
export function Advisor() {
  const [answers, setAnswers] = useState<Answers>({});
  const templates = useTemplates();
  const create = useCreateChart();
  const navigate = useNavigate();

  const recommendation = isComplete(answers) ? recommendArchetype(answers) : null;
  const template = templates.data?.templates.find((t) => t.id === recommendation?.templateId);
  const templateName = template?.name ?? recommendation?.templateId ?? "";
  const answered = ADVISOR_QUESTIONS.filter((q) => answers[q.id] !== undefined).length;

  return (
    <div className={styles.advisor} data-testid="advisor">
      <h2 id="advisor-heading">Which roles do we need?</h2>
      <p className={styles.intro}>
        Four questions about your company suggest a structure to start from.
      </p>
      {ADVISOR_QUESTIONS.map((question) => (
        <fieldset
          key={question.id}
          className={styles.question}
          aria-describedby={`advisor-${question.id}-hint`}
          data-testid={`advisor-${question.id}`}
        >
          <legend>{question.question}</legend>
          <p id={`advisor-${question.id}-hint`} className={styles.hint}>
            {question.hint}
          </p>
          <div className={styles.answers}>
            {question.options.map((option) => (
              <label key={option.value} className={styles.answer}>
                <input
                  type="radio"
                  name={`advisor-${question.id}`}
                  value={option.value}
                  checked={answers[question.id] === option.value}
                  onChange={() =>
                    setAnswers((current) => ({ ...current, [question.id]: option.value }))
                  }
                />
                <span className={styles.check} aria-hidden="true">
                  ✓
                </span>
                {option.label}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <div className={styles.result} aria-live="polite">
        {recommendation === null ? (
          <p className={styles.pending}>
            {answered} of {ADVISOR_QUESTIONS.length} answered.
          </p>
        ) : (
          <div className={styles.recommendation} data-testid="advisor-recommendation">
            <p className={styles.label}>We suggest</p>
            <p className={styles.templateName} data-testid="advisor-template-name">
              {templateName}
            </p>
            <p>{recommendation.why}</p>
            <button
              type="button"
              className="button button-primary"
              disabled={create.isPending}
              onClick={() =>
                create.mutate(
                  { template: recommendation.templateId },
                  { onSuccess: (record) => navigate(`/charts/${record.id}`) },
                )
              }
              data-testid="advisor-create"
            >
              {create.isPending ? "Creating…" : "Create this chart"}
            </button>
            {create.isError && (
              <p className="field-error" role="alert">
                The chart could not be created: {describeError(create.error)}
              </p>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
