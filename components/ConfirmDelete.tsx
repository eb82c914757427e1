/**
 * A Delete button that asks first: pressed, it becomes "<question> [Delete] [Cancel]" in a
 * labelled group; only the second Delete acts. Used by the lists of kept vault copies and of
 * damaged stored data in Options.
 */
export interface ConfirmDeleteProps {
  /** Whether this row is asking now (the list keeps which row asks). */
  asking: boolean;
  onAsk(): void;
  onCancel(): void;
  onConfirm(): void;
  disabled?: boolean;
  text: {
    /** The Delete button's accessible name, naming the row. */
    deleteLabel: string;
    delete: string;
    question: string;
    confirm: string;
    cancel: string;
  };
}

export function ConfirmDelete({ asking, onAsk, onCancel, onConfirm, disabled, text }: ConfirmDeleteProps) {
  if (!asking)
    return (
      <button
        type="button"
        className="danger"
        aria-label={text.deleteLabel}
        disabled={disabled}
        onClick={onAsk}
      >
        {text.delete}
      </button>
    );
  return (
    <span role="group" aria-label={text.question}>
      <span>{text.question} </span>
      <button type="button" className="danger" disabled={disabled} onClick={onConfirm}>
        {text.confirm}
      </button>
      <button type="button" onClick={onCancel}>
        {text.cancel}
      </button>
    </span>
  );
}
