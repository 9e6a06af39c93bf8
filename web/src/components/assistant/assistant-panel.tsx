// The chat panel: a native modal <dialog> (focus trap, Escape, focus back to the button), answers announced
// through a polite live region, citations as links, actions as buttons, and "which one?" options when the
// assistant asks back. The conversation stays while the page lives.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client.ts';
import { askAssistant, type AskAnswer, type ChatTurn } from './api.ts';

type Message =
  | { id: number; from: 'user'; text: string }
  | { id: number; from: 'bot'; answer: AskAnswer; question: string }
  | { id: number; from: 'error'; text: string };

let nextId = 1;
const HISTORY_TURNS = 6;

export default function AssistantPanel({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const end = useRef<HTMLDivElement>(null);
  const [messages, setMessages] = useState<Message[]>([]);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) { d.showModal(); input.current?.focus(); }
    if (!open && d.open) d.close();
  }, [open]);
  useEffect(() => { end.current?.scrollIntoView?.({ block: 'end' }); }, [messages, busy]);

  const history = (): ChatTurn[] => messages.flatMap((m): ChatTurn[] => (
    m.from === 'user' ? [{ role: 'user', text: m.text }] : m.from === 'bot' ? [{ role: 'assistant', text: m.answer.answer }] : []
  )).slice(-HISTORY_TURNS);

  async function send(question: string, shown: string, service?: string) {
    if (busy) return;
    const past = history();
    setMessages((ms) => [...ms, { id: nextId++, from: 'user', text: shown }]);
    setBusy(true);
    try {
      const answer = await askAssistant({ question, history: past, ...(service ? { service } : {}) });
      setMessages((ms) => [...ms, { id: nextId++, from: 'bot', answer, question }]);
    } catch (err) {
      setMessages((ms) => [...ms, { id: nextId++, from: 'error', text: t('assistant.error', { message: errorText(err) }) }]);
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const q = text.trim();
    if (!q) { input.current?.focus(); return; }
    setText('');
    void send(q, q);
  }

  return (
    <dialog
      ref={dialog}
      className="asst-dialog"
      aria-labelledby="asst-title"
      onClose={onClose}
      onClick={(e) => { if (e.target === e.currentTarget) onClose(); }}
    >
      <div className="asst-panel">
        <div className="asst-head">
          <h2 id="asst-title" className="asst-title">{t('assistant.title')}</h2>
          <button type="button" className="drawer-close asst-close" aria-label={t('app.close')} onClick={onClose}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
        <div className="asst-body">
          <div className="asst-intro">
            <p>{t('assistant.intro')}</p>
            <ul className="asst-examples">
              {[t('assistant.example1'), t('assistant.example2'), t('assistant.example3')].map((ex) => (
                <li key={ex}><button type="button" className="asst-chip" onClick={() => void send(ex, ex)}>{ex}</button></li>
              ))}
            </ul>
            <p className="asst-nav-link"><Link to="/navigator" onClick={onClose}>{t('assistant.navigator')}</Link></p>
          </div>
          <div className="asst-log" role="log" aria-live="polite" aria-label={t('assistant.log')}>
            {messages.map((m) => (
              <div key={m.id} className={`asst-msg asst-msg-${m.from}`}>
                <span className="sr-only">{m.from === 'user' ? t('assistant.you') : t('assistant.bot')}{t('app.colon')}</span>
                {m.from === 'bot' ? <BotAnswer m={m} onClose={onClose} onPick={(label, service) => void send(m.question, t('assistant.picked', { label }), service)} /> : <p className="asst-text">{m.text}</p>}
              </div>
            ))}
            {busy && <p className="asst-msg asst-msg-bot asst-thinking"><span className="spinner spinner-sm" aria-hidden="true" /> {t('assistant.thinking')}</p>}
            <div ref={end} />
          </div>
        </div>
        <form className="asst-form" onSubmit={onSubmit}>
          <label htmlFor="asst-input" className="sr-only">{t('assistant.label')}</label>
          <input
            id="asst-input"
            ref={input}
            className="search-input asst-input"
            value={text}
            maxLength={500}
            autoComplete="off"
            placeholder={t('assistant.placeholder')}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="search-button asst-send" disabled={busy}>{t('assistant.send')}</button>
        </form>
      </div>
    </dialog>
  );
}

function BotAnswer({ m, onClose, onPick }: { m: Extract<Message, { from: 'bot' }>; onClose: () => void; onPick: (label: string, service: string) => void }) {
  const { t } = useTranslation();
  const a = m.answer;
  return (
    <>
      {/* plain text from the server, rendered as text: it can never become markup */}
      <p className="asst-text pre-line">{a.answer}</p>
      {a.clarify && (
        <ul className="asst-options">
          {a.clarify.options.map((o) => (
            <li key={o.service}><button type="button" className="asst-chip" onClick={() => onPick(o.label, o.service)}>{o.label}</button></li>
          ))}
        </ul>
      )}
      {a.citations.length > 0 && (
        <div className="asst-sources">
          <span className="asst-sources-label">{t('assistant.sources')}{t('app.colon')}</span>
          <ol>
            {a.citations.map((c) => (
              <li key={`${c.kind}:${c.id}`}><Link to={c.href} onClick={onClose}>{c.title}</Link></li>
            ))}
          </ol>
        </div>
      )}
      {a.source === 'llm' && <p className="asst-note">{t('assistant.byModel')}</p>}
      {a.actions.length > 0 && (
        <div className="asst-actions">
          {a.actions.map((x) => (
            <Link key={x.kind} to={x.href} className={x.kind === 'apply' ? 'btn asst-action asst-action-main' : 'btn asst-action'} data-action={x.kind} onClick={onClose}>{x.label}</Link>
          ))}
        </div>
      )}
    </>
  );
}
