# Sphinx configuration of the example workspace opened by `npm start`.
# The Weekly Report extension takes the folder holding conf.py as the docs root
# (links starting with `/` and `:doc:` paths resolve from here).
project = 'Weekly Report example'
copyright = 'norcams/iaas contributors (reports, Apache-2.0); Weekly Report (this file)'
master_doc = 'index'
source_suffix = '.rst'
exclude_patterns = ['_build', 'README.md', 'NOTICE']
html_theme = 'alabaster'
