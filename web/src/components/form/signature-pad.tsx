// A hand-written signature drawn with a finger, pen or mouse on a canvas, kept as a PNG data URL.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

const W = 320;
const H = 120;

export function SignaturePad({ id, value, onChange, describedBy }: { id: string; value: string; onChange: (v: unknown) => void; describedBy?: string }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const drawn = useRef(false);

  // Show a saved signature (a restored draft or a resubmission) on the canvas.
  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx || drawn.current) return;
    ctx.clearRect(0, 0, W, H);
    if (value) {
      const img = new Image();
      img.onload = () => ctx.drawImage(img, 0, 0, W, H);
      img.src = value;
    }
  }, [value]);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * W, y: ((e.clientY - r.top) / r.height) * H };
  };

  return (
    <span className="signature">
      <canvas
        id={id} ref={canvas} width={W} height={H} className="signature-canvas" role="img"
        aria-label={value ? t('form.signed') : t('form.signHere')} aria-describedby={describedBy}
        onPointerDown={(e) => {
          const ctx = e.currentTarget.getContext('2d');
          if (!ctx) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          drawing.current = true;
          drawn.current = true;
          const p = point(e);
          ctx.lineWidth = 2.5;
          ctx.lineCap = 'round';
          ctx.strokeStyle = '#000';
          ctx.beginPath();
          ctx.moveTo(p.x, p.y);
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const ctx = e.currentTarget.getContext('2d');
          const p = point(e);
          ctx?.lineTo(p.x, p.y);
          ctx?.stroke();
        }}
        onPointerUp={(e) => {
          if (!drawing.current) return;
          drawing.current = false;
          onChange(e.currentTarget.toDataURL('image/png'));
        }}
      />
      <span className="signature-tools">
        <span className="form-note">{t('form.signHere')}</span>
        <button type="button" className="btn" onClick={() => {
          canvas.current?.getContext('2d')?.clearRect(0, 0, W, H);
          drawn.current = false;
          onChange(undefined);
        }}>{t('form.clearSignature')}</button>
      </span>
    </span>
  );
}
