import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import {
  CATEGORY_INFO,
  isCategory,
} from '@pipeline-triage/plugin-pipeline-triage-common';

/** One chip per category, in the taxonomy's colour, so tables, cards and charts agree. */
export function CategoryChip(props: {
  category: string;
  overridden?: boolean;
  size?: 'small' | 'medium';
}) {
  const { category, overridden, size = 'small' } = props;
  const info = isCategory(category)
    ? CATEGORY_INFO[category]
    : CATEGORY_INFO.unknown;
  const label = isCategory(category) ? info.label : category;
  return (
    <Tooltip
      title={overridden ? `${info.summary} (set by a person)` : info.summary}
    >
      <Chip
        size={size}
        label={overridden ? `${label} ✎` : label}
        style={{ backgroundColor: info.color, color: '#fff', fontWeight: 500 }}
      />
    </Tooltip>
  );
}
