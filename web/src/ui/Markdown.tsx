// Markdown rendered safely: raw HTML is skipped, the output goes through rehype-sanitize, and
// a link whose address is not plainly safe (javascript:, data:, emptied by sanitizing)
// stays as inert text instead of a link that could run or reload anything.
import ReactMarkdown from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';

const SAFE_URL = /^(https?:|mailto:|tel:|\/(?!\/)|#|\.{0,2}\/|[^:/?#]+(?:[/?#]|$))/i;

export function isSafeHref(href: string | undefined): href is string {
  return !!href && SAFE_URL.test(href.trim());
}

export function Markdown({ source }: { source: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown
        skipHtml
        rehypePlugins={[rehypeSanitize]}
        components={{
          a: ({ node: _node, href, children, ...props }) =>
            isSafeHref(href) ? (
              <a {...props} href={href} rel="noopener noreferrer nofollow">
                {children}
              </a>
            ) : (
              <a className="link-inert">{children}</a>
            ),
        }}
      >
        {source}
      </ReactMarkdown>
    </div>
  );
}
