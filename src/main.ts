// The browser entry: mounts the workspace. Everything the page does lives below src/ui.
import { mount } from 'svelte';
import App from './ui/App.svelte';
import './ui/theme.css';

const target = document.getElementById('app');
if (!target) throw new Error('Dockyard: #app element missing from index.html');

export default mount(App, { target });
