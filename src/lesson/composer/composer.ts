/**
 * Wires a RequestComposer's form controls (see RequestComposer.astro): reads and writes the request
 * state, adds and removes header rows, switches to raw HTTP (converting both ways), applies the
 * lesson's example requests, and copies the request as a curl command.
 */
import { announce } from '../../components/announce.ts';
import { fromPreset, parseRawText, toCurl, toRawText, type RequestPreset, type RequestState } from './request-state.ts';

export class Composer {
  private readonly root: HTMLElement;
  private readonly rows: HTMLElement;
  private readonly changed: () => void;

  constructor(root: HTMLElement, presets: RequestPreset[], onChange: () => void) {
    this.root = root;
    this.changed = onChange;
    this.rows = root.querySelector('[data-headers]')!;
    root.addEventListener('input', () => { this.summarize(); this.changed(); });
    root.addEventListener('change', (event) => {
      const target = event.target as HTMLElement;
      if (target.matches('[data-raw-toggle]')) this.switchMode((target as HTMLInputElement).checked ? 'raw' : 'form');
      if (target.matches('[data-presets]')) this.state = fromPreset(presets[Number((target as HTMLSelectElement).value)]);
      this.summarize();
      this.changed();
    });
    root.addEventListener('click', (event) => {
      const button = (event.target as HTMLElement).closest('button');
      if (!button) return;
      if (button.matches('[data-add-header]')) { this.addRow('', ''); this.rows.querySelector<HTMLInputElement>('tr:last-child input')?.focus(); this.changed(); }
      if (button.matches('[data-remove-header]')) {
        const row = button.closest('tr')!;
        const next = (row.nextElementSibling ?? row.previousElementSibling)?.querySelector('input') as HTMLElement | null;
        row.remove();
        this.renumber();
        (next ?? root.querySelector<HTMLElement>('[data-add-header]'))?.focus();
        announce('Header removed');
        this.changed();
      }
      if (button.matches('[data-copy-curl]')) void this.copyCurl();
    });
  }

  /** The one-line summary shown while the composer is folded. */
  private summarize() {
    const summary = this.root.querySelector('[data-request-summary]');
    if (!summary) return;
    const s = this.state;
    const line = s.mode === 'raw' ? (s.raw.split('\n')[0] ?? '') : `${s.method} ${s.target}`;
    summary.textContent = line.length > 60 ? `${line.slice(0, 59)}…` : line;
  }

  private field<T extends HTMLElement = HTMLInputElement>(name: string): T {
    return this.root.querySelector<T>(`[data-field="${name}"]`)!;
  }

  get state(): RequestState {
    const headers = [...this.rows.querySelectorAll('tr')].map((tr) => [
      tr.querySelector<HTMLInputElement>('[data-header-name]')!.value,
      tr.querySelector<HTMLInputElement>('[data-header-value]')!.value,
    ] as [string, string]);
    return {
      mode: this.root.querySelector<HTMLInputElement>('[data-raw-toggle]')!.checked ? 'raw' : 'form',
      method: this.field<HTMLSelectElement>('method').value,
      target: this.field('target').value,
      headers,
      body: this.field<HTMLTextAreaElement>('body').value,
      raw: this.field<HTMLTextAreaElement>('raw').value,
      ...(this.halfCloseBox?.checked ? { halfClose: true } : {}),
    };
  }

  private get halfCloseBox(): HTMLInputElement | null {
    return this.root.querySelector<HTMLInputElement>('[data-half-close]');
  }

  set state(s: RequestState) {
    const method = this.field<HTMLSelectElement>('method');
    if (![...method.options].some((o) => o.value === s.method)) method.append(new Option(s.method));
    method.value = s.method;
    this.field('target').value = s.target;
    this.field<HTMLTextAreaElement>('body').value = s.body;
    this.field<HTMLTextAreaElement>('raw').value = s.raw;
    if (this.halfCloseBox) this.halfCloseBox.checked = s.halfClose === true;
    this.rows.replaceChildren();
    for (const [n, v] of s.headers) this.addRow(n, v);
    this.showMode(s.mode);
    this.summarize();
  }

  private switchMode(mode: 'form' | 'raw') {
    const s = this.state;
    if (mode === 'raw') this.field<HTMLTextAreaElement>('raw').value = toRawText(s);
    else this.state = { ...s, ...parseRawText(s.raw), mode: 'form' };
    this.showMode(mode);
  }

  private showMode(mode: 'form' | 'raw') {
    this.root.querySelector<HTMLInputElement>('[data-raw-toggle]')!.checked = mode === 'raw';
    this.root.querySelector<HTMLElement>('[data-form-part]')!.hidden = mode === 'raw';
    this.root.querySelector<HTMLElement>('[data-raw-part]')!.hidden = mode !== 'raw';
  }

  private addRow(name: string, value: string) {
    const row = document.createElement('tr');
    row.innerHTML = '<td><input data-header-name autocomplete="off" spellcheck="false"></td>'
      + '<td><input data-header-value autocomplete="off" spellcheck="false"></td>'
      + '<td><button type="button" class="le-button le-small" data-remove-header>Remove</button></td>';
    row.querySelector<HTMLInputElement>('[data-header-name]')!.value = name;
    row.querySelector<HTMLInputElement>('[data-header-value]')!.value = value;
    this.rows.append(row);
    this.renumber();
  }

  private renumber() {
    [...this.rows.querySelectorAll('tr')].forEach((tr, i) => {
      tr.querySelector('[data-header-name]')!.setAttribute('aria-label', `Header ${i + 1} name`);
      tr.querySelector('[data-header-value]')!.setAttribute('aria-label', `Header ${i + 1} value`);
      tr.querySelector('[data-remove-header]')!.setAttribute('aria-label', `Remove header ${i + 1}`);
    });
  }

  private async copyCurl() {
    const status = this.root.querySelector<HTMLElement>('[data-curl-status]')!;
    const command = toCurl(this.state);
    try {
      await navigator.clipboard.writeText(command);
      status.textContent = 'Copied. Run your app with gunicorn app:app --bind 127.0.0.1:8000, then paste.';
    } catch {
      status.textContent = command;
    }
  }
}
