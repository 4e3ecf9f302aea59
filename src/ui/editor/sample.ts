// The manifest the editor starts with: a small Pod, the first thing a lesson applies.
export const SAMPLE_FILE_NAME = 'pod.yaml'

export const SAMPLE_MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - containerPort: 80
`
