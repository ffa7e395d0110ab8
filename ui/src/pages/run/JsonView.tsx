import { Button, Typography } from 'antd';
import { useState } from 'react';
import type { JsonValue } from '../../api/types.ts';

/** Objects and arrays deeper than this start folded. */
const OPEN_DEPTH = 2;
/** Children shown before a "show N more" button, so a huge array renders quickly. */
const CHILDREN_SHOWN = 100;

/**
 * A JSON value as a foldable tree (keys, strings, numbers in their own colours). Text only:
 * React escapes everything it shows.
 */
export function JsonView({ value, label }: { value: JsonValue | undefined; label: string }) {
  return (
    <div
      role="tree"
      aria-label={label}
      style={{
        fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
        fontSize: 12,
        lineHeight: '20px',
        background: '#fafafa',
        border: '1px solid #f0f0f0',
        borderRadius: 6,
        padding: '6px 10px',
        overflowX: 'auto',
        maxHeight: 420,
      }}
    >
      <JsonNode value={value ?? null} depth={0} />
    </div>
  );
}

function JsonNode({ name, value, depth }: { name?: string; value: JsonValue; depth: number }) {
  const [open, setOpen] = useState(depth < OPEN_DEPTH);
  const [shown, setShown] = useState(CHILDREN_SHOWN);
  const key = name !== undefined && <span style={{ color: '#531dab' }}>{JSON.stringify(name)}: </span>;
  if (value === null || typeof value !== 'object') {
    return (
      <div role="treeitem" aria-selected={false} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {key}
        <Scalar value={value} />
      </div>
    );
  }
  const entries: [string | undefined, JsonValue][] = Array.isArray(value)
    ? value.map((item) => [undefined, item])
    : Object.entries(value);
  const [opening, closing] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) {
    return (
      <div role="treeitem" aria-selected={false}>
        {key}
        {opening + closing}
      </div>
    );
  }
  return (
    <div role="treeitem" aria-expanded={open} aria-selected={false}>
      <button
        type="button"
        onClick={() => setOpen(!open)}
        aria-label={open ? 'Fold' : 'Unfold'}
        style={{ border: 'none', background: 'none', cursor: 'pointer', padding: 0, width: 14, font: 'inherit' }}
      >
        {open ? '▾' : '▸'}
      </button>
      {key}
      {opening}
      {!open && (
        <Typography.Text type="secondary">
          {` ${entries.length} ${Array.isArray(value) ? 'items' : 'keys'} `}
          {closing}
        </Typography.Text>
      )}
      {open && (
        <div role="group" style={{ paddingLeft: 16 }}>
          {entries.slice(0, shown).map(([childName, child], i) => (
            <JsonNode key={childName ?? i} name={childName} value={child} depth={depth + 1} />
          ))}
          {entries.length > shown && (
            <Button size="small" type="link" onClick={() => setShown(shown + CHILDREN_SHOWN * 10)}>
              Show {Math.min(entries.length - shown, CHILDREN_SHOWN * 10)} more
            </Button>
          )}
        </div>
      )}
      {open && <div>{closing}</div>}
    </div>
  );
}

function Scalar({ value }: { value: string | number | boolean | null }) {
  if (typeof value === 'string') return <span style={{ color: '#08979c' }}>{JSON.stringify(value)}</span>;
  if (typeof value === 'number') return <span style={{ color: '#d46b08' }}>{value}</span>;
  return <span style={{ color: '#1d39c4' }}>{String(value)}</span>;
}
