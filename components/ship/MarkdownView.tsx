import type { Block, Inline } from '@/utils/ship/markdown';

function Inlines({ inlines }: { inlines: Inline[] }) {
  return (
    <>
      {inlines.map((i, n) => {
        switch (i.kind) {
          case 'code':
            return <code key={n}>{i.text}</code>;
          case 'strong':
            return <strong key={n}>{i.text}</strong>;
          case 'em':
            return <em key={n}>{i.text}</em>;
          // The document's links point at files of the repository, which the extension does not hold.
          case 'link':
            return <span key={n}>{i.text}</span>;
          default:
            return <span key={n}>{i.text}</span>;
        }
      })}
    </>
  );
}

/** Renders parsed Markdown as React elements (text only, never HTML from the document). */
export function MarkdownView({ blocks }: { blocks: Block[] }) {
  return (
    <>
      {blocks.map((b, n) => {
        if (b.kind === 'heading') {
          const H = (['h1', 'h2', 'h3'] as const)[b.level - 1]!;
          return (
            <H key={n}>
              <Inlines inlines={b.inlines} />
            </H>
          );
        }
        if (b.kind === 'list') {
          return (
            <ul key={n}>
              {b.items.map((item, k) => (
                <li key={k}>
                  <Inlines inlines={item} />
                </li>
              ))}
            </ul>
          );
        }
        return (
          <p key={n}>
            <Inlines inlines={b.inlines} />
          </p>
        );
      })}
    </>
  );
}
