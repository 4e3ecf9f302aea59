import { Shell } from './layout/Shell'

export function App() {
  return <Shell />
}
