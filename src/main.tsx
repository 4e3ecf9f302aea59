// Boots the page: starts the engine worker (once, outside React) and renders the UI.
// URL parameters: ?seed=N picks the World's random seed, ?scenario=NAME its starting world.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { startEngine } from './ui/bridge/engine'
import { App } from './ui/App'
import './ui/styles.css'

const params = new URLSearchParams(location.search)
const seed = Number.parseInt(params.get('seed') ?? '1', 10)
startEngine({ seed: Number.isFinite(seed) ? seed : 1, scenario: params.get('scenario') ?? '' })

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
