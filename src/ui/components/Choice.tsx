/** A labelled group of radio buttons shown as a segmented control (arrow keys move between options, as radios do). */

export interface Props<T extends string> {
  legend: string;
  name: string;
  options: Array<[T, string]>;
  value: T;
  onChange: (value: T) => void;
}

export function Choice<T extends string>({ legend, name, options, value, onChange }: Props<T>) {
  return (
    <fieldset class="lectern-choice">
      <legend class="lectern-field__label">{legend}</legend>
      <div class="lectern-choice__options">
        {options.map(([option, label]) => (
          <label key={option} class="lectern-choice__option" data-option={option}>
            <input type="radio" name={`lectern-${name}`} value={option} checked={option === value} onChange={() => onChange(option)} />
            <span>{label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
