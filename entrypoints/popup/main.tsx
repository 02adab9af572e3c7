import { render } from 'preact';
import { UI_CSS } from '@/components/styles';
import { POPUP_CSS } from './popup-css';
import { App } from './App';
import { readTextScale } from '@/lib/page/text-scale';

const style = document.createElement('style');
style.textContent = UI_CSS + POPUP_CSS;
document.head.append(style);

// `?tab=<id>` names the page's tab when the popup is opened as an ordinary tab (tests, pinned use).
const param = new URLSearchParams(location.search).get('tab');
const tabId = param !== null && /^\d+$/.test(param) ? Number(param) : null;

// The popup's styles are in pixels; a reader who set a larger default text size gets it zoomed to match.
const scale = readTextScale(document.documentElement);
if (scale > 1) document.documentElement.style.setProperty('zoom', String(scale));

render(<App tabIdParam={tabId} />, document.getElementById('app')!);
