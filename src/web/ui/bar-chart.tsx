import { useId } from 'react';
import { useI18n } from '../app/i18n.tsx';

export interface BarChartItem {
  label: string;
  value: number;
  /** The number as shown (e.g. "1 031 kr"); the plain value when left out. */
  valueLabel?: string;
}

interface Props {
  title: string;
  items: readonly BarChartItem[];
}

/**
 * A horizontal bar chart in plain HTML: each bar has its label above it and its value beside it,
 * so it reads at 360 px without a legend. Screen readers get the same numbers as a table instead
 * of the drawing. The bar colour keeps at least 3:1 against the page (WCAG 1.4.11).
 */
export function BarChart({ title, items }: Props) {
  const titleId = useId();
  const { formatNumber } = useI18n();
  const max = Math.max(0, ...items.map((i) => i.value));
  const shown = (item: BarChartItem) => item.valueLabel ?? formatNumber(item.value);

  return (
    <figure style={{ margin: 0, display: 'flex', flexDirection: 'column', gap: 'var(--ds-size-3)' }}>
      <figcaption id={titleId} style={{ fontWeight: 600 }}>
        {title}
      </figcaption>
      <div aria-hidden="true" style={{ display: 'flex', flexDirection: 'column', gap: 'var(--ds-size-3)' }}>
        {items.map((item) => (
          <div key={item.label}>
            <div>{item.label}</div>
            <div style={{ display: 'flex', alignItems: 'center', gap: 'var(--ds-size-2)' }}>
              <div style={{ flex: 1, minWidth: 0 }}>
                <div
                  style={{
                    width: max > 0 ? `${(Math.max(0, item.value) / max) * 100}%` : 0,
                    minWidth: item.value > 0 ? '2px' : 0,
                    height: 'var(--ds-size-6)',
                    borderRadius: 'var(--ds-border-radius-sm)',
                    background: 'var(--ds-color-accent-base-default)',
                  }}
                />
              </div>
              <span style={{ minWidth: '4ch', fontVariantNumeric: 'tabular-nums', fontWeight: 600 }}>{shown(item)}</span>
            </div>
          </div>
        ))}
      </div>
      {/* The figure is named by its caption; the table of numbers carries the same name for screen readers. */}
      <table className="ds-sr-only" aria-labelledby={titleId}>
        <tbody>
          {items.map((item) => (
            <tr key={item.label}>
              <th scope="row">{item.label}</th>
              <td>{shown(item)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
