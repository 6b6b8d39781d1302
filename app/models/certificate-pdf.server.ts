/**
 * A certificate as an A4 landscape PDF: the Chinese text set in an embedded (subset) CJK font, the
 * verification code printed and in a QR code that opens /verify/:code.
 */
import { formatBeijing } from '#app/domain/beijing.ts';
import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { ModelError } from './errors.ts';
import type { VerifiedCertificate } from './certificate.server.ts';

/** Debian's fonts-noto-cjk first (serif reads as a certificate), then its sans; CERTIFICATE_FONT wins. */
const CANDIDATES: { path: string; family?: string }[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', family: 'NotoSerifCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
];

// A CJK font file is some 25 MB: read once per process, not once per certificate.
const fontFiles = new Map<string, Buffer>();
const fontFile = (path: string) => fontFiles.get(path) ?? fontFiles.set(path, readFileSync(path)).get(path)!;

function certificateFont(configured?: string): { path: string; family?: string } | null {
  if (configured) return existsSync(configured) ? { path: configured, family: configured.endsWith('.ttc') ? 'NotoSerifCJKsc-Regular' : undefined } : null;
  return CANDIDATES.find((c) => existsSync(c.path)) ?? null;
}

const TIER = { first: '一等奖', second: '二等奖', third: '三等奖', merit: '优秀奖', outstanding_advisor: '优秀指导教师' } as Record<string, string>;
const TITLE = { award: '获 奖 证 书', outstanding_advisor: '荣 誉 证 书', inheritor: '荣 誉 证 书' } as const;

/** The sentence as the certificate sets it: before the event, the event (never broken), after it. */
export function certificateLines(cert: VerifiedCertificate): [string, string, string] {
  const event = `${cert.eventCode} ${cert.eventName} 赛项`;
  const award = TIER[cert.awardKind ?? ''] ?? '';
  switch (cert.kind) {
    case 'award':
      return [`在${cert.competition}`, event, `荣获${award}`];
    case 'outstanding_advisor':
      return [`在${cert.competition}`, event, '指导学生荣获一等奖，被评为优秀指导教师'];
    case 'inheritor':
      return [`在${cert.competition}`, event, `荣获${award}，经组委会确认为“楚怡”职业教育精神传承人`];
  }
}

/** The sentence the certificate states, for the PDF and for /verify alike. */
export function certificateText(cert: VerifiedCertificate): string {
  const event = `${cert.eventCode} ${cert.eventName}`;
  const award = TIER[cert.awardKind ?? ''] ?? '';
  switch (cert.kind) {
    case 'award':
      return `在${cert.competition}${event}赛项中，荣获${award}。`;
    case 'outstanding_advisor':
      return `在${cert.competition}${event}赛项中，指导学生荣获一等奖，被评为优秀指导教师。`;
    case 'inheritor':
      return `在${cert.competition}${event}赛项中荣获${award}，经组委会确认，为“楚怡”职业教育精神传承人。`;
  }
}

export async function certificatePdf(cert: VerifiedCertificate, verifyUrl: string, fontPath?: string): Promise<Buffer> {
  const font = certificateFont(fontPath);
  if (!font) throw new ModelError(503, 'certificate_font_missing');
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 56, info: { Title: `${TITLE[cert.kind].replace(/ /g, '')} ${cert.holderName}`, Author: '楚怡杯竞赛组委会' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('cjk', fontFile(font.path), font.family);
  doc.font('cjk');
  const { width, height } = doc.page;
  doc.lineWidth(3).strokeColor('#a16207').rect(24, 24, width - 48, height - 48).stroke();
  doc.lineWidth(1).rect(32, 32, width - 64, height - 64).stroke();
  const [before, event, after] = certificateLines(cert);
  // Every line is centred and set on one line: a name, a school or an event is never broken in two;
  // a long one is set smaller to fit instead.
  const line = (text: string, y: number, size: number, color = '#111') => {
    const room = width - 220;
    doc.fontSize(size);
    const fitted = Math.min(size, (size * room) / Math.max(1, doc.widthOfString(text)));
    doc.fillColor(color).fontSize(fitted).text(text, 110, y + (size - fitted) / 2, { width: room, align: 'center', lineBreak: false });
  };
  line(TITLE[cert.kind], 78, 40, '#7f1d1d');
  line(cert.holderName, 150, 32);
  line(cert.school, 196, 20, '#333');
  line(before, 252, 18);
  line(event, 288, 24);
  line(after, 330, 26, '#7f1d1d');
  // Bottom right: the organiser and the date, with clear space above them for the seal (盖章).
  doc.fillColor('#111').fontSize(16).text(`${cert.year}年“楚怡杯”湖南省职业院校技能竞赛组委会`, width - 470, height - 120, { width: 380, align: 'right' });
  doc.text(formatBeijing(cert.issuedAt, 'zh-CN', 'date'), width - 470, height - 94, { width: 380, align: 'right' });
  // The QR code drawn as vector squares: sharp at any print size.
  const qr = QRCode.create(verifyUrl, { errorCorrectionLevel: 'M' });
  const cell = 2.6;
  const x0 = 70;
  const y0 = height - 70 - qr.modules.size * cell;
  doc.fillColor('#000');
  for (let r = 0; r < qr.modules.size; r++) for (let c = 0; c < qr.modules.size; c++) if (qr.modules.get(r, c)) doc.rect(x0 + c * cell, y0 + r * cell, cell, cell).fill();
  doc.fontSize(10).text(`证书查验码 ${cert.code}`, x0 + qr.modules.size * cell + 12, height - 100);
  doc.text(verifyUrl, x0 + qr.modules.size * cell + 12, height - 84);
  doc.end();
  return done;
}
